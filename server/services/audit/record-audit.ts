import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditEvents, user, type AuditAction, type AuditDetails } from "../../db/schema";
import { currentActor, SYSTEM_ACTOR, type AuditActor } from "./audit-actor";

export interface AuditEntry {
  action: AuditAction;
  target?: { type: string; id: string };
  /** Facts about the act. Never a secret's value: name the secret, say it was set. */
  details?: AuditDetails;
  /**
   * Who acted, when the caller knows better than the request: a user id (null: the system, e.g. the
   * canary guard) or a whole actor. Absent: the actor of the request being served.
   */
  actor?: AuditActor | { userId: string | null };
}

/**
 * Appends one row to the audit log. Pass the act's own transaction where it has one, so the act and its
 * audit row commit together or not at all.
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  const actor = await resolveActor(db, entry.actor);
  await db.insert(auditEvents).values({
    actorType: actor.type,
    actorId: actor.type === "system" ? null : actor.id,
    actorLabel: actor.type === "system" ? "system" : actor.label,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    details: entry.details ?? {},
  });
}

async function resolveActor(db: Db, given: AuditEntry["actor"]): Promise<AuditActor> {
  if (!given) return currentActor();
  if (!("userId" in given)) return given;
  if (given.userId === null) return SYSTEM_ACTOR;
  const request = currentActor();
  if (request.type === "user" && request.id === given.userId) return request;
  const [row] = await db.select({ email: user.email }).from(user).where(eq(user.id, given.userId));
  return { type: "user", id: given.userId, label: row?.email ?? given.userId };
}
