import type { WorkflowStage } from "../../../db/schema";
import { CANARY_STEPS } from "../constants";
import type { CutoverReadiness } from "../shadow/readiness";
import type { NextAction, ReadinessStep } from "./types";

export interface NextActionInput {
  stage: WorkflowStage;
  steps: readonly ReadinessStep[];
  shadow: { version: number | null; readiness: CutoverReadiness } | null;
  canaryPercent: number;
  /** A published version newer than the live one, and whether its backtest is signed off. */
  newerPublished: { version: number; signedOff: boolean } | null;
}

const BEFORE_VALIDATION = ["mapped", "integrations", "tree", "escalations", "backtest"];

function firstTodo(steps: readonly ReadinessStep[], ids: readonly string[]): NextAction | null {
  const step = steps.find((s) => ids.includes(s.id) && s.state !== "done");
  return step ? { label: step.actionLabel, detail: step.detail, href: step.href } : null;
}

/** The one thing to do next, following the method's order. Pure. */
export function nextAction(input: NextActionInput): NextAction {
  const { stage, steps, shadow } = input;
  const shadowStep = steps.find((s) => s.id === "shadow");
  if (shadow) {
    if (shadow.readiness.ready) {
      return {
        label: shadow.version !== null ? `Cut over version ${shadow.version} to live` : "Cut over to live",
        detail: "The shadow period is over and agreement meets the criteria.",
        act: "cutOver",
      };
    }
    return {
      label: "Review the shadow report",
      detail: shadowStep?.detail ?? "Outcomes are compared as the human process reports them.",
      href: shadowStep?.href,
    };
  }
  switch (stage) {
    case "draft":
      return (
        firstTodo(steps, BEFORE_VALIDATION) ?? {
          label: "Mark as validated",
          detail: "The published version passed its backtest and it is signed off.",
          act: "validate",
        }
      );
    case "validated":
      return (
        firstTodo(steps, ["backtest"]) ?? {
          label: "Start shadow",
          detail: "Run the workflow beside the human process, with no side effects, and compare.",
          act: "startShadow",
        }
      );
    case "paused":
      return {
        label: "Resume live",
        detail: "Paused: every item runs in shadow on the live version.",
        act: "resume",
      };
    case "live":
    case "shadow": {
      const next = CANARY_STEPS.find((p) => p > input.canaryPercent);
      if (stage === "live" && next !== undefined) {
        return {
          label: `Raise the canary to ${next}%`,
          detail: `The live version acts on ${input.canaryPercent}% of items; the canary guard rolls back if accuracy or escalations leave the criteria.`,
          act: "setCanary",
          percent: next,
        };
      }
      if (input.newerPublished) {
        return input.newerPublished.signedOff
          ? {
              label: `Start shadow of version ${input.newerPublished.version}`,
              detail: "Run the newer version beside the live one and compare them on the same items.",
              act: "startShadow",
            }
          : (firstTodo(steps, ["backtest"]) ?? {
              label: "Backtest the newer version",
              detail: "",
              href: undefined,
            });
      }
      return {
        label: "Live at 100%",
        detail: "Nothing to do: the canary guard watches accuracy and escalations.",
      };
    }
  }
}
