import { and, desc, eq, gte, inArray, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Outcome, Trace } from "@/lib/engine/run/outcome";
import type { Db } from "../../../db/client";
import { items, type ItemLabel, type ItemMode, type LabelSource } from "../../../db/schema";

/** The labelled runs looked at, newest first; beyond this many the oldest are left out. */
export const LABELLED_RUNS_LIMIT = 20_000;

export interface RunScope {
  workflowId: string;
  versionId: string;
  mode: ItemMode;
  since: Date;
}

export interface LabelledRun {
  itemId: string;
  externalId: string;
  outcome: Outcome;
  /** Only for resolutions (the matched knowledge-base entry is judged): traces are large. */
  trace: Trace | null;
  label: ItemLabel;
  labelSource: LabelSource | null;
  receivedAt: Date;
}

const sibling = alias(items, "sibling");

/**
 * The runs of one version and mode since a time that have an outcome and a truth. The truth is the row's
 * own label or, failing that, the label of the same item's row in the other mode: a reviewer labels the
 * live row of an escalated item, and the human process may report on either row.
 */
export async function labelledRuns(
  db: Db,
  scope: RunScope,
  limit = LABELLED_RUNS_LIMIT,
): Promise<LabelledRun[]> {
  const label = sql<ItemLabel>`coalesce(${items.label}, ${sibling.label})`;
  const rows = await db
    .select({
      itemId: items.id,
      externalId: items.externalId,
      outcome: items.outcome,
      trace: sql<Trace | null>`case when ${items.outcome}->>'type' = 'resolve' then ${items.trace} end`,
      label,
      labelSource: sql<LabelSource | null>`case when ${items.label} is not null then ${items.labelSource} else ${sibling.labelSource} end`,
      receivedAt: items.receivedAt,
    })
    .from(items)
    .leftJoin(
      sibling,
      and(
        eq(sibling.workflowId, items.workflowId),
        eq(sibling.externalId, items.externalId),
        sql`${sibling.mode} <> ${items.mode}`,
      ),
    )
    .where(
      and(
        eq(items.workflowId, scope.workflowId),
        eq(items.mode, scope.mode),
        eq(items.versionId, scope.versionId),
        gte(items.receivedAt, scope.since),
        isNotNull(items.outcome),
        sql`${label} is not null`,
      ),
    )
    .orderBy(desc(items.receivedAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, outcome: r.outcome! }));
}

export interface RunCounts {
  /** Runs with an outcome. */
  processed: number;
  escalated: number;
  byReason: Record<string, number>;
  byQueue: Record<string, number>;
}

/** How many runs of a version and mode since a time ended, and their escalations by reason and queue. */
export async function runCounts(db: Db, scope: RunScope): Promise<RunCounts> {
  const rows = await db
    .select({
      type: sql<string>`${items.outcome}->>'type'`,
      reason: sql<string | null>`${items.outcome}->>'reasonType'`,
      queue: sql<string | null>`${items.outcome}->>'queue'`,
      n: sql<number>`count(*)::int`,
    })
    .from(items)
    .where(
      and(
        eq(items.workflowId, scope.workflowId),
        eq(items.mode, scope.mode),
        eq(items.versionId, scope.versionId),
        gte(items.receivedAt, scope.since),
        isNotNull(items.outcome),
      ),
    )
    .groupBy(sql`1`, sql`2`, sql`3`);
  const counts: RunCounts = { processed: 0, escalated: 0, byReason: {}, byQueue: {} };
  for (const row of rows) {
    counts.processed += row.n;
    if (row.type !== "escalate") continue;
    counts.escalated += row.n;
    const reason = row.reason ?? "manual";
    counts.byReason[reason] = (counts.byReason[reason] ?? 0) + row.n;
    if (row.queue) counts.byQueue[row.queue] = (counts.byQueue[row.queue] ?? 0) + row.n;
  }
  return counts;
}

/** Full rows (payload and trace) for a few items, for the disagreement list. */
export async function runDetails(db: Db, itemIds: readonly string[]) {
  if (itemIds.length === 0) return [];
  return db
    .select({
      id: items.id,
      externalId: items.externalId,
      payload: items.payload,
      outcome: items.outcome,
      trace: items.trace,
      receivedAt: items.receivedAt,
    })
    .from(items)
    .where(inArray(items.id, [...itemIds]));
}
