import type { Outcome, Trace } from "@/lib/engine/run/outcome";
import type { ItemLabel } from "../../../db/schema";
import { addItem, emptyMetricsState } from "../../backtests/metrics/accumulate";
import { finalizeMetrics } from "../../backtests/metrics/finalize";
import type { BacktestMetrics } from "../../backtests/types";
import { judgeOutcome, type JudgedOutcome } from "./judge-outcome";

export interface AgreementRow {
  outcome: Outcome;
  trace: Trace | null;
  label: ItemLabel;
}

export interface LabelAgreement {
  label: string;
  /** Labelled items with this truth. */
  items: number;
  /** Of those, decided by the workflow without a person. */
  decided: number;
  agreed: number;
  /** agreed / decided; null when the workflow decided none. */
  rate: number | null;
}

export interface Agreement {
  labelled: number;
  decided: number;
  agreed: number;
  disagreed: number;
  escalated: number;
  errors: number;
  deferred: number;
  /** Agreement on the items the workflow would have decided by itself (a backtest's auto-handled accuracy). */
  rate: number | null;
  byLabel: LabelAgreement[];
  /** The same figures in a backtest's shape, to judge against the criteria with the backtest's verdict. */
  metrics: BacktestMetrics;
}

/**
 * Agreement between runs and the truth, counted with the backtest's own accumulator so the figures mean
 * what they mean on the Backtests page. Pure.
 */
export function measureAgreement<T extends AgreementRow>(
  rows: readonly T[],
): { agreement: Agreement; judged: (T & { judged: JudgedOutcome })[] } {
  const state = emptyMetricsState();
  const judged = rows.map((row) => {
    const result = judgeOutcome(row.outcome, row.trace, row.label);
    addItem(state, {
      actualLabel: result.actual,
      actualEscalated: false,
      key: result.key,
      ...(row.outcome.type === "escalate" ? { queue: row.outcome.queue } : {}),
      durationMs: 0,
    });
    return { ...row, judged: result };
  });
  const metrics = finalizeMetrics(state, []);
  const byLabel = metrics.labels
    .filter((l) => l.actual > 0)
    .map((l) => ({
      label: l.label,
      items: l.actual,
      decided: l.autoHandled,
      agreed: l.truePositives,
      rate: l.recall,
    }));
  return {
    agreement: {
      labelled: state.items,
      decided: state.auto,
      agreed: state.autoCorrect,
      disagreed: state.auto - state.autoCorrect,
      escalated: state.escalated,
      errors: state.errors,
      deferred: state.deferred,
      rate: metrics.autoAccuracy,
      byLabel,
      metrics,
    },
    judged,
  };
}
