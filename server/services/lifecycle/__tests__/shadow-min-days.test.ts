import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { workflowStageEvents, workflows } from "../../../db/schema";
import { createUserWithPassword } from "../../../db/seed/users";
import { createCallerFactory } from "../../../trpc";
import { appRouter } from "../../../root";
import { createLedgerWorld } from "../../../testing/ledger-workflow";
import { openTestDatabase } from "../../../testing/test-database";
import { setShadowMinDays } from "../set-shadow-min-days";
import { refusal } from "./support";

let database: Database;
let workflowId: string;
let adminId: string;
let ownerId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  adminId = await createUserWithPassword(database.db, {
    email: "a@test",
    name: "Ada",
    role: "admin",
    password: "password123",
  });
  ({ workflowId, ownerId } = await createLedgerWorld(database.db, {
    ledgerUrl: "http://127.0.0.1:9",
  }));
});
afterAll(() => database.close());

describe("the minimum shadow period", () => {
  it("is an admin's policy, changed with a reason kept in the audit", async () => {
    await setShadowMinDays(
      database.db,
      { id: adminId, role: "admin" },
      { workflowId, days: 3, reason: "Low-risk routing, weekly pattern known" },
    );
    const [row] = await database.db.select().from(workflows).where(eq(workflows.id, workflowId));
    expect(row!.shadowMinDays).toBe(3);
    const events = await database.db
      .select()
      .from(workflowStageEvents)
      .where(eq(workflowStageEvents.workflowId, workflowId));
    expect(events).toMatchObject([
      {
        kind: "policy",
        actorId: adminId,
        reason: "Minimum shadow period 7 → 3 days. Low-risk routing, weekly pattern known",
      },
    ]);
  });

  it("refuses nonsense and no-ops with a sentence, and owners through the API", async () => {
    const admin = { id: adminId, role: "admin" as const };
    expect(
      await refusal(setShadowMinDays(database.db, admin, { workflowId, days: 0, reason: "x" })),
    ).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/from 1 to 90/),
    });
    expect(
      await refusal(setShadowMinDays(database.db, admin, { workflowId, days: 3, reason: "again" })),
    ).toMatchObject({
      message: "The minimum shadow period is already 3 days.",
    });
    const asOwner = createCallerFactory(appRouter)({
      db: database.db,
      user: { id: ownerId, email: "ledger-owner@test", name: "Olga Owner", role: "owner" },
    });
    expect(
      await refusal(asOwner.lifecycle.setShadowMinDays({ workflowId, days: 5, reason: "faster" })),
    ).toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
