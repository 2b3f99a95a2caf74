import type { CriteriaRow } from "../../backtests/criteria";
import { judge } from "../../backtests/metrics/verdict";
import { DAY_MS } from "../constants";
import type { Agreement } from "./measure-agreement";
import type { RunCounts } from "./shadow-runs";

export interface ReadinessCriterion {
  key: string;
  name: string;
  comparison: ">=" | "<=";
  target: number;
  /** null when there was nothing to measure. */
  measured: number | null;
  unit: "share" | "count" | "days";
  met: boolean;
  note?: string;
}

export interface ShadowPeriod {
  startedAt: Date;
  days: number;
  minDays: number;
  met: boolean;
  /** When the minimum period is over. */
  endsAt: Date;
}

export interface CutoverReadiness {
  criteriaVersion: number | null;
  period: ShadowPeriod;
  /** Enough labelled items, and every agreed criterion met on them. */
  agreementMet: boolean;
  /** Agreement met and the minimum period run. */
  ready: boolean;
  /** The sample, each agreed criterion, then the period: target, measured, met. */
  criteria: ReadinessCriterion[];
}

export function shadowPeriod(startedAt: Date, minDays: number, now: Date): ShadowPeriod {
  const days = Math.max(0, (now.getTime() - startedAt.getTime()) / DAY_MS);
  return {
    startedAt,
    days,
    minDays,
    met: days >= minDays,
    endsAt: new Date(startedAt.getTime() + minDays * DAY_MS),
  };
}

/** Escalation reasons a backtest never produces: a connector that was down, a volume episode. */
const OUTSIDE_THE_BACKTEST = ["connector", "volume"] as const;

/**
 * Cut-over readiness against the criteria agreed for the backtest, judged by the backtest's own verdict.
 * Accuracy and per-label recall are over the labelled items; the escalation rate is over every shadow run
 * (escalations need no label to count, and labelled items over-represent what people looked at). Pure.
 * Like with like: a backtest replays recorded reads at historical volume, so it never sees a connector down or
 * a volume episode; escalations for those reasons are left out of the rate (and named in the line's note),
 * and watched by connector health and the volume guard instead.
 */
export function judgeReadiness(input: {
  agreement: Agreement;
  counts: RunCounts;
  criteria: CriteriaRow | null;
  period: ShadowPeriod;
  minSample: number;
}): CutoverReadiness {
  const { agreement, counts, criteria, period, minSample } = input;
  const lines: ReadinessCriterion[] = [
    {
      key: "sample",
      name: "Labelled shadow items",
      comparison: ">=",
      target: minSample,
      measured: agreement.labelled,
      unit: "count",
      met: agreement.labelled >= minSample,
      ...(agreement.labelled < minSample
        ? { note: "outcomes reported by the human process or decided by reviewers" }
        : {}),
    },
  ];
  if (criteria) {
    const outside = OUTSIDE_THE_BACKTEST.map((reason) => [reason, counts.byReason[reason] ?? 0] as const);
    const left = outside.reduce((sum, [, n]) => sum + n, 0);
    const decided = counts.processed - left;
    const escalationRate = decided > 0 ? (counts.escalated - left) / decided : 0;
    const leftNote =
      left > 0
        ? `leaves out ${outside
            .filter(([, n]) => n > 0)
            .map(([reason, n]) => `${n} ${reason} escalation${n === 1 ? "" : "s"}`)
            .join(" and ")}, which a backtest cannot see`
        : undefined;
    const verdict = judge(criteria, { ...agreement.metrics, escalationRate });
    for (const line of verdict.criteria) {
      lines.push({
        key: line.key,
        name: line.key === "minAutoAccuracy" ? "Agreement on items it would decide" : line.name,
        comparison: line.comparison,
        target: line.required,
        measured: line.actual,
        unit: "share",
        met: line.pass,
        ...(line.key === "maxEscalationRate" && leftNote
          ? { note: line.note ? `${line.note}; ${leftNote}` : leftNote }
          : line.note
            ? { note: line.note }
            : {}),
      });
    }
  } else {
    lines.push({
      key: "criteria",
      name: "Validation criteria",
      comparison: ">=",
      target: 1,
      measured: null,
      unit: "count",
      met: false,
      note: "no criteria recorded: agree them on the Backtests page",
    });
  }
  const agreementMet = lines.every((l) => l.met);
  lines.push({
    key: "period",
    name: "Days in shadow",
    comparison: ">=",
    target: period.minDays,
    measured: Math.floor(period.days * 10) / 10,
    unit: "days",
    met: period.met,
  });
  return {
    criteriaVersion: criteria?.version ?? null,
    period,
    agreementMet,
    ready: agreementMet && period.met,
    criteria: lines,
  };
}

/** The unmet criteria in one sentence: "Agreement … 82.0% (needs ≥ 90.0%); labelled shadow items 12 (needs ≥ 50)". */
export function unmetSentence(criteria: readonly ReadinessCriterion[]): string {
  const format = (value: number | null, unit: ReadinessCriterion["unit"]) =>
    value === null
      ? "nothing measured"
      : unit === "share"
        ? `${(value * 100).toFixed(1)}%`
        : unit === "days"
          ? `${value} days`
          : String(value);
  return criteria
    .filter((c) => !c.met)
    .map(
      (c) =>
        `${c.name} ${format(c.measured, c.unit)} (needs ${c.comparison === ">=" ? "≥" : "≤"} ${format(c.target, c.unit)})`,
    )
    .join("; ");
}
