import type { LifecycleAct } from "../stages";

export type StepId =
  "mapped" | "integrations" | "tree" | "escalations" | "backtest" | "shadow" | "monitoring";
export type StepState = "done" | "todo" | "blocked";

/** One step of the method, as the overview shows it: where it stands, in one line, and where it is done. */
export interface ReadinessStep {
  id: StepId;
  title: string;
  state: StepState;
  detail: string;
  href: string;
  /** What the overview's button says when this step is the next action. */
  actionLabel: string;
}

/** The one thing to do next: a link to where it is done, or a lifecycle act the overview performs. */
export interface NextAction {
  label: string;
  detail: string;
  href?: string;
  act?: LifecycleAct;
  /** For `setCanary`: the percentage to go to. */
  percent?: number;
}

export const workflowHref = (workflowId: string, tab?: string, anchor?: string) =>
  `/workflows/${encodeURIComponent(workflowId)}${tab ? `?tab=${tab}` : ""}${anchor ? `#${anchor}` : ""}`;
