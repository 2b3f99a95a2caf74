import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { auditEvents } from "../../../db/schema";
import { openTestDatabase } from "../../../testing/test-database";
import { recordAudit } from "../record-audit";

/** Runs on PGlite by default and on the Postgres server with DATABASE_URL set: the trigger must hold on both. */
let database: Database;
let rowId: number;
beforeAll(async () => {
  database = await openTestDatabase();
  await recordAudit(database.db, {
    action: "user.role_changed",
    target: { type: "user", id: "u1" },
    details: { from: "reviewer", to: "admin" },
  });
  const [row] = await database.db.select({ id: auditEvents.id }).from(auditEvents);
  rowId = row!.id;
});
afterAll(() => database.close());

/** The message of the database error behind a Drizzle error (which wraps it as `cause`). */
async function refusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? (error as Error).message;
  }
  return "allowed";
}

describe("the audit table is append-only for the application", () => {
  it("refuses UPDATE", async () => {
    const message = await refusal(
      database.db.update(auditEvents).set({ action: "api_key.created" }).where(eq(auditEvents.id, rowId)),
    );
    expect(message).toMatch(/append-only: UPDATE is refused/);
  });

  it("refuses DELETE", async () => {
    expect(await refusal(database.db.delete(auditEvents).where(eq(auditEvents.id, rowId)))).toMatch(
      /append-only: DELETE is refused/,
    );
  });

  it("refuses TRUNCATE", async () => {
    expect(await refusal(database.db.execute(sql`truncate audit_events`))).toMatch(
      /append-only: TRUNCATE is refused/,
    );
  });

  it("keeps the row as it was, and still accepts new ones", async () => {
    await recordAudit(database.db, { action: "api_key.revoked", target: { type: "api_key", id: "k1" } });
    const rows = await database.db.select().from(auditEvents).orderBy(auditEvents.id);
    expect(rows.map((r) => r.action)).toEqual(["user.role_changed", "api_key.revoked"]);
    expect(rows[0]).toMatchObject({ actorType: "system", actorLabel: "system", targetId: "u1" });
  });
});
