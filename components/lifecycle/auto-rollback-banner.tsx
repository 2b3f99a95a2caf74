import { ShieldAlert } from "lucide-react";
import { formatDateTime } from "@/components/ui/format";
import type { LifecycleOverview } from "./use-lifecycle";

/** Says, until someone acts again, that the canary guard rolled the workflow back, and why. */
export function AutoRollbackBanner({
  rollback,
}: {
  rollback: NonNullable<LifecycleOverview["autoRollback"]>;
}) {
  return (
    <div
      role="alert"
      className="flex items-start gap-3 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900"
      data-testid="auto-rollback"
    >
      <ShieldAlert className="mt-0.5 h-5 w-5 shrink-0" aria-hidden />
      <div>
        <p className="font-semibold">The canary guard rolled back on {formatDateTime(rollback.at)}</p>
        <p>{rollback.reason}</p>
      </div>
    </div>
  );
}
