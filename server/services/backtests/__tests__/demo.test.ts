import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { backtestRuns } from "../../../db/schema";
import { seedDemoWorkspace } from "../../../db/seed/demo-workspace";
import { createUserWithPassword } from "../../../db/seed/users";
import { openTestDatabase } from "../../../testing/test-database";
import { seedDemoHistoryAndBacktest } from "../demo";
import { getRun } from "../queries/get-run";
import { hasSignedOffPassingBacktest } from "../sign-off";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("seedDemoHistoryAndBacktest", () => {
  it("imports the history, records criteria, passes and signs off the published version, and fails the draft", async () => {
    const db = database.db;
    const ownerId = await createUserWithPassword(db, {
      email: "owner@demo.test",
      name: "Oscar Owner",
      role: "owner",
      password: "x-password-1",
    });
    const adminId = await createUserWithPassword(db, {
      email: "admin@demo.test",
      name: "Ada Admin",
      role: "admin",
      password: "x-password-1",
    });
    const { workflowId } = await seedDemoWorkspace(db, { ownerId });
    const started = performance.now();
    const seeded = await seedDemoHistoryAndBacktest(db, {
      workflowId,
      ownerId,
      adminId,
      now: Date.UTC(2026, 10, 29, 9),
    });
    const seconds = (performance.now() - started) / 1000;
    const [first, second] = await Promise.all(seeded.runs.map((r) => getRun(db, r.runId)));
    console.log(
      JSON.stringify({
        seconds,
        runs: [first, second].map((r) => ({
          version: r!.version,
          items: r!.metrics?.items,
          auto: r!.metrics?.autoAccuracy,
          esc: r!.metrics?.escalationRate,
          verdict: r!.verdict?.criteria.map((c) => [c.key, c.actual, c.pass]),
        })),
      }),
    );
    expect(seeded.runs.map((r) => r.status)).toEqual(["done", "done"]);
    expect(first!.passed).toBe(true);
    expect(first!.signOff?.userName).toBe("Ada Admin");
    expect(second!.passed).toBe(false);
    expect(await hasSignedOffPassingBacktest(db, first!.versionId)).toBe(true);
    expect(await hasSignedOffPassingBacktest(db, second!.versionId)).toBe(false);
    const runs = await db.select().from(backtestRuns).where(eq(backtestRuns.workflowId, workflowId));
    expect(runs).toHaveLength(2);
  });
});
