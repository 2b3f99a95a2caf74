import { and, asc, desc, eq, ilike, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditEvents, type AuditAction } from "../../db/schema";

export interface AuditFilters {
  action?: AuditAction;
  /** Part of the actor's label (an email, "system", "api-key:…"), any case. */
  actor?: string;
  /** The id of the last row of the previous page: the next page holds older rows. */
  before?: number;
  limit?: number;
}

export const AUDIT_PAGE_SIZE = 50;

/** Escapes LIKE's wildcards, so "a_b" matches only "a_b". */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The log newest first, one page at a time (keyset on the id, so paging stays fast on a long log). */
export async function listAuditEvents(db: Db, filters: AuditFilters = {}) {
  const limit = filters.limit ?? AUDIT_PAGE_SIZE;
  const actor = filters.actor?.trim();
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        filters.action ? eq(auditEvents.action, filters.action) : undefined,
        actor ? ilike(auditEvents.actorLabel, `%${likeLiteral(actor)}%`) : undefined,
        filters.before !== undefined ? lt(auditEvents.id, filters.before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  const events = rows.slice(0, limit);
  return { events, nextBefore: rows.length > limit ? (events.at(-1)?.id ?? null) : null };
}

/** The actions that occur in the log, with how often, for the filter. */
export async function auditActionCounts(db: Db) {
  return db
    .select({ action: auditEvents.action, count: sql<number>`count(*)::int` })
    .from(auditEvents)
    .groupBy(auditEvents.action)
    .orderBy(asc(auditEvents.action));
}
