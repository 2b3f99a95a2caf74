import crypto from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { reviewQueueMembers, reviewQueues, user } from "../../db/schema";
import type { SessionUser } from "../../trpc";
import { queueNotFound } from "./errors";

/** A queue a graph names but nobody set up yet gets this SLA, so no escalation is ever dropped. */
export const DEFAULT_SLA_MINUTES = 240;

export interface QueueSettings {
  name: string;
  team: string;
  description?: string;
  slaMinutes: number;
  escalationContactId?: string | null;
}

/** The queue by name, created with defaults when a graph escalates to one nobody set up yet. */
export async function ensureQueue(db: Db, name: string): Promise<typeof reviewQueues.$inferSelect> {
  const [existing] = await db.select().from(reviewQueues).where(eq(reviewQueues.name, name));
  if (existing) return existing;
  await db
    .insert(reviewQueues)
    .values({
      id: crypto.randomUUID(),
      name,
      team: name,
      slaMinutes: DEFAULT_SLA_MINUTES,
      description: "Created when a workflow first escalated here.",
    })
    .onConflictDoNothing({ target: reviewQueues.name });
  const [created] = await db.select().from(reviewQueues).where(eq(reviewQueues.name, name));
  return created!;
}

/** Creates the queue, or updates its team, SLA and contact when one of that name exists. */
export async function saveQueue(db: Db, settings: QueueSettings): Promise<{ id: string }> {
  const values = {
    team: settings.team,
    description: settings.description ?? "",
    slaMinutes: settings.slaMinutes,
    escalationContactId: settings.escalationContactId ?? null,
  };
  const [row] = await db
    .insert(reviewQueues)
    .values({ id: crypto.randomUUID(), name: settings.name, ...values })
    .onConflictDoUpdate({ target: reviewQueues.name, set: values })
    .returning({ id: reviewQueues.id });
  return row!;
}

export async function addQueueMember(
  db: Db,
  input: { queueId: string; userId: string },
  addedBy: string | null,
): Promise<void> {
  const [queue] = await db
    .select({ id: reviewQueues.id })
    .from(reviewQueues)
    .where(eq(reviewQueues.id, input.queueId));
  if (!queue) throw queueNotFound();
  await db
    .insert(reviewQueueMembers)
    .values({ queueId: input.queueId, userId: input.userId, addedBy })
    .onConflictDoNothing();
}

export async function removeQueueMember(db: Db, input: { queueId: string; userId: string }): Promise<void> {
  await db
    .delete(reviewQueueMembers)
    .where(and(eq(reviewQueueMembers.queueId, input.queueId), eq(reviewQueueMembers.userId, input.userId)));
}

/** Admins and process owners oversee every queue; a reviewer works the queues they are a member of. */
export function seesAllQueues(viewer: Pick<SessionUser, "role">): boolean {
  return viewer.role === "admin" || viewer.role === "owner";
}

export async function memberQueueIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ queueId: reviewQueueMembers.queueId })
    .from(reviewQueueMembers)
    .where(eq(reviewQueueMembers.userId, userId));
  return rows.map((r) => r.queueId);
}

/** Every queue with its members and open-task count: the queues admin page. */
export async function listQueues(db: Db) {
  const queues = await db
    .select({
      id: reviewQueues.id,
      name: reviewQueues.name,
      team: reviewQueues.team,
      description: reviewQueues.description,
      slaMinutes: reviewQueues.slaMinutes,
      escalationContactId: reviewQueues.escalationContactId,
      // Spelled out: in a single-table select Drizzle leaves columns unqualified, and "id" would bind to the subquery's table.
      openTasks: sql<number>`(select count(*)::int from "review_tasks" t where t."queue_id" = "review_queues"."id" and t."status" = 'open')`,
    })
    .from(reviewQueues)
    .orderBy(asc(reviewQueues.name));
  const ids = queues.map((q) => q.id);
  const members =
    ids.length === 0
      ? []
      : await db
          .select({
            queueId: reviewQueueMembers.queueId,
            userId: user.id,
            name: user.name,
            email: user.email,
            role: user.role,
          })
          .from(reviewQueueMembers)
          .innerJoin(user, eq(user.id, reviewQueueMembers.userId))
          .where(inArray(reviewQueueMembers.queueId, ids))
          .orderBy(asc(user.name));
  return queues.map((q) => ({
    ...q,
    members: members.filter((m) => m.queueId === q.id).map(({ queueId: _q, ...m }) => m),
  }));
}

/** The queues the viewer works (all of them for admins and owners), for the inbox's header. */
export async function myQueues(db: Db, viewer: Pick<SessionUser, "id" | "role">) {
  const all = seesAllQueues(viewer);
  const ids = all ? null : await memberQueueIds(db, viewer.id);
  if (ids && ids.length === 0) return { all, queues: [] };
  const rows = await db
    .select({
      id: reviewQueues.id,
      name: reviewQueues.name,
      team: reviewQueues.team,
      slaMinutes: reviewQueues.slaMinutes,
    })
    .from(reviewQueues)
    .where(ids ? inArray(reviewQueues.id, ids) : undefined)
    .orderBy(asc(reviewQueues.name));
  return { all, queues: rows };
}
