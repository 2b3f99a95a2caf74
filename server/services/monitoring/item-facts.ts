import { and, asc, eq, gte, lt } from "drizzle-orm";
import type { ItemFact } from "@/lib/monitoring/item-fact";
import type { TracedItem } from "@/lib/monitoring/node-stats";
import type { ConnectorStep } from "@/lib/monitoring/connector-health";
import type { Outcome, Trace } from "@/lib/engine/run/outcome";
import type { Db } from "../../db/client";
import { items, type ItemLabel, type ItemMode } from "../../db/schema";
import { matchedEntry, outcomeKey } from "../backtests/outcome-key";
import { judgeOutcome } from "../lifecycle/shadow/judge-outcome";

/** Items read for one view, at most: a month of a busy workflow; past it, the newest are dropped and said so. */
export const MAX_ITEMS_PER_VIEW = 50_000;

export interface FactsRange {
  from: Date;
  to: Date;
  mode: ItemMode;
}

/** One item's stored run as monitoring counts it (pure: the judging is the backtest's). */
export function factOf(row: {
  receivedAt: Date;
  outcome: Outcome | null;
  trace: Trace | null;
  label: ItemLabel | null;
}): ItemFact {
  const base = { receivedAtMs: row.receivedAt.getTime(), durationMs: row.trace?.durationMs };
  const { outcome, trace, label } = row;
  if (!outcome) return { ...base, kind: "pending" };
  const nodeId = outcome.nodeId;
  switch (outcome.type) {
    case "escalate":
      return { ...base, kind: "escalated", reasonType: outcome.reasonType, nodeId, actual: label?.label };
    case "error":
      return { ...base, kind: "error", nodeId, actual: label?.label };
    case "deferred":
      return { ...base, kind: "deferred", nodeId, actual: label?.label };
    default: {
      if (!label) {
        return {
          ...base,
          kind: "auto",
          nodeId,
          predicted: outcomeKey(outcome, matchedEntry(trace ?? undefined)).predicted,
        };
      }
      const judged = judgeOutcome(outcome, trace, label);
      return {
        ...base,
        kind: "auto",
        nodeId,
        predicted: judged.key.predicted,
        actual: judged.actual,
        judged: judged.kind === "correct" ? "correct" : "wrong",
      };
    }
  }
}

export interface LoadedFacts {
  facts: ItemFact[];
  traced: (TracedItem & { steps: ConnectorStep[] })[];
  truncated: boolean;
}

/** A workflow's items in a range and mode, oldest first, as facts and as traces (for node and connector views). */
export async function loadFacts(db: Db, workflowId: string, range: FactsRange): Promise<LoadedFacts> {
  const rows = await db
    .select({ receivedAt: items.receivedAt, outcome: items.outcome, trace: items.trace, label: items.label })
    .from(items)
    .where(
      and(
        eq(items.workflowId, workflowId),
        eq(items.mode, range.mode),
        gte(items.receivedAt, range.from),
        lt(items.receivedAt, range.to),
      ),
    )
    .orderBy(asc(items.receivedAt))
    .limit(MAX_ITEMS_PER_VIEW + 1);
  const truncated = rows.length > MAX_ITEMS_PER_VIEW;
  const kept = truncated ? rows.slice(0, MAX_ITEMS_PER_VIEW) : rows;
  return {
    facts: kept.map(factOf),
    traced: kept
      .filter((row) => row.trace)
      .map((row) => ({ receivedAtMs: row.receivedAt.getTime(), steps: row.trace!.steps })),
    truncated,
  };
}
