import type { WorkflowStage } from "../../../db/schema";
import type { CriteriaRow } from "../../backtests/criteria";
import { missingBacktestSentence, type VersionBacktestStatus } from "../backtest-status";
import type { CutoverReadiness } from "../shadow/readiness";
import { workflowHref, type ReadinessStep } from "./types";

const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? "n/a" : `${(value * 100).toFixed(1)}%`;

/** Criteria agreed (with a named approver), and the candidate version's backtest passed them and was signed off. */
export function backtestStep(
  workflowId: string,
  criteria: CriteriaRow | null,
  version: { version: number } | null,
  status: VersionBacktestStatus | null,
): ReadinessStep {
  const base = {
    id: "backtest" as const,
    title: "Criteria agreed, backtest signed off",
    href: `/backtests/${encodeURIComponent(workflowId)}`,
    actionLabel: "Run and sign off a backtest",
  };
  if (!criteria) {
    return {
      ...base,
      state: "todo",
      actionLabel: "Agree the criteria",
      detail:
        "Record the validation criteria (minimum accuracy, maximum escalation rate, approver) on the Backtests page.",
    };
  }
  if (!version || !status) return { ...base, state: "blocked", detail: "Publish a version first." };
  if (status.signedOff) {
    return {
      ...base,
      state: "done",
      detail: `Backtest #${status.signedOff.runNumber} of version ${version.version} passed criteria v${criteria.version} and was signed off by ${status.signedOff.signerName}.`,
    };
  }
  return { ...base, state: "todo", detail: missingBacktestSentence(version.version, status) };
}

export interface ShadowStepInput {
  stage: WorkflowStage;
  backtestDone: boolean;
  shadow: {
    version: number | null;
    readiness: CutoverReadiness;
    labelled: number;
    rate: number | null;
  } | null;
  live: { version: number | null; canaryPercent: number } | null;
}

/** The shadow run's agreement with the human process met the criteria (or the version has gone live). */
export function shadowStep(workflowId: string, input: ShadowStepInput): ReadinessStep {
  const base = {
    id: "shadow" as const,
    title: "Shadow agreement met",
    href: workflowHref(workflowId, "overview", "shadow-report"),
    actionLabel: "Review the shadow report",
  };
  const { shadow, live } = input;
  if (shadow) {
    const { readiness } = shadow;
    const sample = readiness.criteria.find((c) => c.key === "sample");
    const days = `${readiness.period.days.toFixed(1)} of ${readiness.period.minDays} days in shadow`;
    const figures = `agreement ${percent(shadow.rate)} on ${shadow.labelled}${sample && !sample.met ? ` of the ${sample.target} needed` : ""} labelled items`;
    if (readiness.ready)
      return {
        ...base,
        state: "done",
        detail: `Version ${shadow.version ?? "?"}: ${figures}; ${days}. Ready to cut over.`,
      };
    const unmet = readiness.criteria
      .filter((c) => !c.met && c.key !== "sample" && c.key !== "period")
      .map((c) => c.name.toLowerCase());
    return {
      ...base,
      state: "todo",
      detail: `Version ${shadow.version ?? "?"}: ${figures}; ${days}${unmet.length > 0 ? `; not met: ${unmet.join(", ")}` : ""}.`,
    };
  }
  if (live && (input.stage === "live" || input.stage === "paused")) {
    return {
      ...base,
      state: "done",
      detail: `Version ${live.version ?? "?"} passed its shadow run and is ${input.stage === "paused" ? "live (paused)" : `live at ${live.canaryPercent}%`}.`,
    };
  }
  if (!input.backtestDone) {
    return {
      ...base,
      state: "blocked",
      href: workflowHref(workflowId, "overview"),
      detail: "Needs a signed-off backtest before the shadow run.",
    };
  }
  return {
    ...base,
    state: "todo",
    href: workflowHref(workflowId, "overview"),
    actionLabel: "Start shadow",
    detail:
      input.stage === "draft"
        ? "Mark the workflow validated, then run it in shadow beside the human process."
        : "Run it in shadow beside the human process: no side effects, outcomes compared as they arrive.",
  };
}

export interface MonitoringStepInput {
  stage: WorkflowStage;
  /** The baseline of the version in shadow or live, when one was recorded. */
  baseline: {
    stage: "shadow" | "live";
    version: number | null;
    recordedAt: Date;
    autoAccuracy: number | null;
    escalationRate: number | null;
    volumeSource: "dataset" | "shadow" | "none";
    volumeWeeks: number;
  } | null;
}

/** The baseline monitoring compares against: recorded when the version entered shadow or live. */
export function monitoringStep(workflowId: string, input: MonitoringStepInput): ReadinessStep {
  const base = {
    id: "monitoring" as const,
    title: "Monitoring baseline recorded",
    href: workflowHref(workflowId, "monitoring"),
    actionLabel: "Open monitoring",
  };
  const { baseline } = input;
  if (baseline) {
    const volume =
      baseline.volumeSource === "none"
        ? "no volume history (the volume guard stays quiet)"
        : `volume per hour-of-week from ${baseline.volumeSource === "dataset" ? "the historical dataset" : "shadow items"} (${baseline.volumeWeeks} weeks)`;
    return {
      ...base,
      state: "done",
      detail: `Recorded ${baseline.recordedAt.toISOString().slice(0, 10)} as version ${baseline.version ?? "?"} entered ${baseline.stage}: accuracy ${percent(baseline.autoAccuracy)}, escalation ${percent(baseline.escalationRate)}; ${volume}.`,
    };
  }
  if (input.stage === "draft" || input.stage === "validated") {
    return {
      ...base,
      state: "blocked",
      href: workflowHref(workflowId, "overview"),
      detail: "Recorded from the signed-off backtest when a version enters shadow.",
    };
  }
  return {
    ...base,
    state: "todo",
    href: workflowHref(workflowId, "overview"),
    actionLabel: "Start shadow",
    detail: "No baseline for the version running now: it is recorded when a version enters shadow or live.",
  };
}
