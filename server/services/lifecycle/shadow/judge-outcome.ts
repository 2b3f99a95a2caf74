import type { Outcome, Trace } from "@/lib/engine/run/outcome";
import type { ItemLabel } from "../../../db/schema";
import { matchedEntry, outcomeKey, resultKind } from "../../backtests/outcome-key";
import type { OutcomeKey, ResultKind } from "../../backtests/types";

export interface JudgedOutcome {
  key: OutcomeKey;
  /** The truth's comparable label (ItemLabel.label). */
  actual: string;
  kind: ResultKind;
}

/**
 * Compares what a run did with the truth a person gave, the way a backtest compares it with history
 * (backtests/outcome-key.ts). Two readings of the same outcome are allowed because the label may come from
 * either: a resolution is judged by the known fix it sent or by its resolution code (a reviewer's label names
 * the code), and an end matches a label of type end (a reviewer's label for an end is just "end"). Pure.
 */
export function judgeOutcome(
  outcome: Outcome,
  trace: Trace | null | undefined,
  label: ItemLabel,
): JudgedOutcome {
  const actual = label.label;
  let key = outcomeKey(outcome, matchedEntry(trace ?? undefined));
  if (key.kind === "auto" && key.predicted !== actual) {
    if (outcome.type === "resolve" && outcomeKey(outcome).predicted === actual) key = outcomeKey(outcome);
    else if (outcome.type === "end" && label.type === "end") key = { ...key, predicted: actual };
  }
  return { key, actual, kind: resultKind(key, actual) };
}

/** An outcome in a few words: "route → billing-team", "escalate (confidence) → triage". */
export function describeOutcome(outcome: Outcome, trace?: Trace | null): string {
  const key = outcomeKey(outcome, matchedEntry(trace ?? undefined));
  switch (outcome.type) {
    case "escalate":
      return `escalate (${outcome.reasonType}) → ${outcome.queue}`;
    case "error":
      return `error: ${outcome.message}`;
    case "deferred":
      return `deferred: ${outcome.reason}`;
    default:
      return `${outcome.type} → ${key.predicted}`;
  }
}
