import type { AuditAction } from "@/server/db/schema/audit";

type Tone = "neutral" | "accent" | "success" | "warning" | "danger";

/** How the log names each act, and how loud it looks. */
export const ACTION_LABELS: Record<AuditAction, { label: string; tone: Tone }> = {
  "auth.sign_in": { label: "Signed in", tone: "neutral" },
  "auth.sign_in_failed": { label: "Sign-in failed", tone: "warning" },
  "auth.sign_in_throttled": { label: "Sign-in limited", tone: "danger" },
  "user.role_changed": { label: "Role changed", tone: "accent" },
  "connector.created": { label: "Connector created", tone: "accent" },
  "connector.updated": { label: "Connector updated", tone: "accent" },
  "connector.deleted": { label: "Connector deleted", tone: "danger" },
  "connector.secret_set": { label: "Connector secret set", tone: "warning" },
  "connector.secret_cleared": { label: "Connector secret cleared", tone: "warning" },
  "api_key.created": { label: "API key created", tone: "warning" },
  "api_key.revoked": { label: "API key revoked", tone: "danger" },
  "model_provider.created": { label: "Model provider created", tone: "accent" },
  "model_provider.updated": { label: "Model provider updated", tone: "accent" },
  "model_provider.deleted": { label: "Model provider deleted", tone: "danger" },
  "model_provider.key_set": { label: "Provider key set", tone: "warning" },
  "model_provider.key_cleared": { label: "Provider key cleared", tone: "warning" },
  "threshold.changed": { label: "Threshold changed", tone: "accent" },
  "workflow.published": { label: "Version published", tone: "success" },
  "backtest.signed_off": { label: "Backtest signed off", tone: "success" },
  "lifecycle.transition": { label: "Lifecycle stage changed", tone: "success" },
  "lifecycle.rollback": { label: "Rolled back", tone: "danger" },
  "lifecycle.canary": { label: "Canary share changed", tone: "accent" },
  "lifecycle.auto_rollback": { label: "Automatic rollback", tone: "danger" },
  "lifecycle.policy": { label: "Lifecycle policy changed", tone: "accent" },
  "review.decided": { label: "Review decided", tone: "neutral" },
  "review.undone": { label: "Review decision undone", tone: "warning" },
};

/** An action written by a newer version than this page knows still shows, under its own name. */
export function actionLabel(action: string): { label: string; tone: Tone } {
  return ACTION_LABELS[action as AuditAction] ?? { label: action, tone: "neutral" };
}
