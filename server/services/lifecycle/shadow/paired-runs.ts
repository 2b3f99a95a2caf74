import { and, desc, eq, gte, isNotNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../../db/client";
import { items } from "../../../db/schema";
import type { PairedRun } from "./node-differences";

/** The most recent items compared (traces are large). */
export const PAIRED_RUNS_LIMIT = 1_000;

const live = alias(items, "live_run");

/** Items the live version and the shadow version both ran (by the item's own id) since a time, newest first. */
export async function pairedRuns(
  db: Db,
  scope: { workflowId: string; liveVersionId: string; shadowVersionId: string; since: Date },
  limit = PAIRED_RUNS_LIMIT,
): Promise<PairedRun[]> {
  const rows = await db
    .select({
      externalId: items.externalId,
      shadowOutcome: items.outcome,
      shadowTrace: items.trace,
      liveOutcome: live.outcome,
      liveTrace: live.trace,
    })
    .from(items)
    .innerJoin(
      live,
      and(
        eq(live.workflowId, items.workflowId),
        eq(live.externalId, items.externalId),
        eq(live.mode, "live"),
        eq(live.versionId, scope.liveVersionId),
      ),
    )
    .where(
      and(
        eq(items.workflowId, scope.workflowId),
        eq(items.mode, "shadow"),
        eq(items.versionId, scope.shadowVersionId),
        gte(items.receivedAt, scope.since),
        isNotNull(items.outcome),
        isNotNull(live.outcome),
      ),
    )
    .orderBy(desc(items.receivedAt))
    .limit(limit);
  return rows.map((r) => ({
    externalId: r.externalId,
    live: { outcome: r.liveOutcome!, trace: r.liveTrace },
    shadow: { outcome: r.shadowOutcome!, trace: r.shadowTrace },
  }));
}
