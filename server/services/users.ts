import { TRPCError } from "@trpc/server";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Role } from "@/lib/roles";
import type { Db } from "../db/client";
import { user } from "../db/schema";
import { recordAudit } from "./audit/record-audit";

export async function listUsers(db: Db) {
  return db
    .select({ id: user.id, name: user.name, email: user.email, role: user.role, createdAt: user.createdAt })
    .from(user)
    .orderBy(asc(user.email));
}

/** Changes a role; refuses to remove the last admin, so the workspace can never lock itself out. */
export async function setUserRole(db: Db, input: { userId: string; role: Role }) {
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: user.id, role: user.role })
      .from(user)
      .where(eq(user.id, input.userId))
      .for("update");
    if (!target) throw new TRPCError({ code: "NOT_FOUND", message: "That user no longer exists." });
    if (target.role === "admin" && input.role !== "admin") {
      const [{ admins } = { admins: 0 }] = await tx
        .select({ admins: sql<number>`count(*)::int` })
        .from(user)
        .where(and(eq(user.role, "admin"), ne(user.id, input.userId)));
      if (admins === 0) {
        throw new TRPCError({
          code: "CONFLICT",
          message: "At least one admin must remain: make someone else admin first.",
        });
      }
    }
    const [updated] = await tx
      .update(user)
      .set({ role: input.role, updatedAt: new Date() })
      .where(eq(user.id, input.userId))
      .returning({ id: user.id, name: user.name, email: user.email, role: user.role });
    await recordAudit(tx, {
      action: "user.role_changed",
      target: { type: "user", id: input.userId },
      details: { from: target.role, to: input.role },
    });
    return updated!;
  });
}
