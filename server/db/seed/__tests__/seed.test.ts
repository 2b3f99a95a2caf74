import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "better-auth/crypto";
import { DEMO_PASSWORD, DEMO_USERS } from "../../../config";
import type { Database } from "../../client";
import { account, user, workflows } from "../../schema";
import { measureShadow } from "../../../services/lifecycle/shadow/measure-shadow";
import { listWorkflows } from "../../../services/workflows/list-workflows";
import { runWorkflowTests } from "../../../services/workflows/test-cases";
import { openTestDatabase } from "../../../testing/test-database";
import { seedOnFirstStart } from "..";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("seedOnFirstStart in demo mode", () => {
  it("creates the demo users with working passwords and the published support-triage workflow", async () => {
    const lines: string[] = [];
    expect(await seedOnFirstStart(database.db, { demo: true, log: (l) => lines.push(l) })).toEqual({
      seeded: true,
    });
    const users = await database.db.select({ email: user.email, role: user.role }).from(user);
    expect(users.map((u) => u.role).sort()).toEqual(DEMO_USERS.map((u) => u.role).sort());
    const [credential] = await database.db.select({ password: account.password }).from(account).limit(1);
    expect(await verifyPassword({ hash: credential!.password!, password: DEMO_PASSWORD })).toBe(true);
    expect(lines.join("\n")).toContain(DEMO_USERS[0].email);

    const [triage] = await listWorkflows(database.db);
    expect(triage).toMatchObject({
      name: "Support triage",
      publishedVersion: 1,
      latestVersion: 2,
      latestValid: true,
    });
    expect(triage!.testCaseCount).toBeGreaterThanOrEqual(8);
    const report = await runWorkflowTests(database.db, triage!.id);
    expect(report.failed).toBe(0);

    // The demo's shadow run meets the agreed criteria, so a new user can try the cut-over.
    const [row] = await database.db.select().from(workflows).where(eq(workflows.id, triage!.id));
    const shadow = await measureShadow(database.db, {
      id: row!.id,
      shadowVersionId: row!.shadowVersionId!,
      shadowStartedAt: row!.shadowStartedAt!,
      shadowMinDays: row!.shadowMinDays,
    });
    expect(shadow.readiness.criteria.filter((c) => !c.met)).toEqual([]);
  });

  it("does nothing on a database that already has users, even when two starts race", async () => {
    const results = await Promise.all([
      seedOnFirstStart(database.db, { demo: true }),
      seedOnFirstStart(database.db, { demo: true }),
    ]);
    expect(results).toEqual([{ seeded: false }, { seeded: false }]);
    const [{ count } = { count: 0 }] = await database.db
      .select({ count: sql<number>`count(*)::int` })
      .from(user);
    expect(count).toBe(DEMO_USERS.length);
  });
});

describe("seedOnFirstStart on a server (no demo)", () => {
  it("creates one admin with the configured password", async () => {
    const fresh = await openTestDatabase();
    try {
      process.env.SWITCHBOARD_ADMIN_EMAIL = "boss@example.com";
      process.env.SWITCHBOARD_ADMIN_PASSWORD = "a-long-password";
      await seedOnFirstStart(fresh.db, { demo: false, log: () => {} });
      const users = await fresh.db.select({ email: user.email, role: user.role }).from(user);
      expect(users).toEqual([{ email: "boss@example.com", role: "admin" }]);
    } finally {
      delete process.env.SWITCHBOARD_ADMIN_EMAIL;
      delete process.env.SWITCHBOARD_ADMIN_PASSWORD;
      await fresh.close();
    }
  });
});
