import crypto from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { items, type ItemStatus } from "../../../db/schema";
import { createUserWithPassword } from "../../../db/seed/users";
import { openTestDatabase } from "../../../testing/test-database";
import { rowsOf } from "../../datasets/pg-array";
import { createWorkflow } from "../../workflows/create-workflow";
import { discardDeadLetters } from "../discard-dead-letters";
import { countDeadLetters, listDeadLetters } from "../list-dead-letters";
import { retryDeadLetters } from "../retry-dead-letters";

let database: Database;
let adminId: string;
let refunds: { id: string; versionId: string };
let intake: { id: string; versionId: string };

beforeAll(async () => {
  database = await openTestDatabase();
  adminId = await createUserWithPassword(database.db, {
    email: "ada@test",
    name: "Ada",
    role: "admin",
    password: "password123",
  });
  refunds = await createWorkflow(database.db, adminId, { name: "Refunds" });
  intake = await createWorkflow(database.db, adminId, { name: "Intake" });
});
afterAll(() => database.close());

let sequence = 0;
/** An item of a starter-graph workflow (fields id, text, occurred_at), in the given state. */
async function item(
  workflow: { id: string; versionId: string },
  status: ItemStatus,
  extra: { text?: string; subject?: string; attempts?: number; lastError?: string } = {},
): Promise<string> {
  sequence += 1;
  const id = crypto.randomUUID();
  const externalId = `T-${sequence}`;
  await database.db.insert(items).values({
    id,
    workflowId: workflow.id,
    versionId: workflow.versionId,
    externalId,
    payload: {
      id: externalId,
      text: extra.text ?? `Item number ${sequence}`,
      occurred_at: "2026-01-01T00:00:00Z",
      ...(extra.subject ? { subject: extra.subject } : {}),
    },
    mode: "live",
    status,
    attempts: extra.attempts ?? 0,
    lastError: extra.lastError ?? null,
    receivedAt: new Date(Date.UTC(2026, 0, 1, 0, sequence)),
  });
  return id;
}

async function statusOf(ids: string[]): Promise<Record<string, ItemStatus>> {
  const rows = await database.db
    .select({ id: items.id, status: items.status })
    .from(items)
    .where(inArray(items.id, ids));
  return Object.fromEntries(rows.map((r) => [r.id, r.status]));
}

describe("dead letters", () => {
  it("lists only dead-lettered items, newest first, with their workflow, text, attempts and last error", async () => {
    const stack = "TypeError: cannot read properties of undefined\n    at runItem (run-item.ts:42:7)";
    const failed = await item(refunds, "dead_letter", {
      text: "  Please refund\n the duplicate   charge  ",
      attempts: 5,
      lastError: stack,
    });
    await item(refunds, "completed");
    await item(refunds, "queued");
    const titled = await item(intake, "dead_letter", { subject: "Printer on fire", attempts: 4 });

    const listed = await listDeadLetters(database.db);
    expect(listed.map((d) => d.itemId)).toEqual([titled, failed]);
    expect(listed[1]).toEqual({
      itemId: failed,
      workflowId: refunds.id,
      workflowName: "Refunds",
      externalId: expect.stringMatching(/^T-\d+$/),
      mode: "live",
      title: "Please refund the duplicate charge",
      attempts: 5,
      lastError: stack,
      receivedAt: expect.any(Date),
    });
    expect(listed[0]).toMatchObject({ workflowName: "Intake", title: "Printer on fire", lastError: null });
    expect(await countDeadLetters(database.db)).toBe(2);
  });

  it("filters by workflow", async () => {
    const listed = await listDeadLetters(database.db, { workflowId: intake.id });
    expect(listed.map((d) => d.workflowName)).toEqual(["Intake"]);
    expect(await listDeadLetters(database.db, { workflowId: "no-such-workflow" })).toEqual([]);
  });

  it("discards only the rows still dead-lettered and counts them", async () => {
    const dead = await item(intake, "dead_letter", { attempts: 5, lastError: "timeout" });
    const done = await item(intake, "completed");
    expect(await discardDeadLetters(database.db, adminId, [dead, done, "no-such-item"])).toBe(1);
    expect(await statusOf([dead, done])).toEqual({ [dead]: "discarded", [done]: "completed" });

    // The error stays on the item; a second discard of the same row changes nothing.
    const [row] = await database.db.select().from(items).where(eq(items.id, dead));
    expect(row).toMatchObject({ attempts: 5, lastError: "timeout" });
    expect(await discardDeadLetters(database.db, adminId, [dead])).toBe(0);
    expect(await discardDeadLetters(database.db, adminId, [])).toBe(0);
    expect((await listDeadLetters(database.db)).map((d) => d.itemId)).not.toContain(dead);
  });

  it("retries in one go: the dead-lettered rows are queued afresh, each with one new job", async () => {
    const jobsFor = async (id: string) => {
      const result = await database.db.execute(
        sql`select count(*)::int as n from pgboss.job where name = 'items' and data->>'itemId' = ${id}`,
      );
      return rowsOf<{ n: number }>(result)[0]?.n;
    };
    const dead = await item(refunds, "dead_letter", { attempts: 5, lastError: "connector timeout" });
    const discarded = await item(refunds, "discarded", { attempts: 5, lastError: "gone" });
    expect(await retryDeadLetters(database.db, [dead, discarded])).toBe(1);

    const [row] = await database.db.select().from(items).where(eq(items.id, dead));
    expect(row).toMatchObject({ status: "queued", attempts: 0, lastError: null });
    expect(await statusOf([discarded])).toEqual({ [discarded]: "discarded" });
    expect(await jobsFor(dead)).toBe(1);
    expect(await jobsFor(discarded)).toBe(0);

    // Already queued: a second retry (another admin, a double click) adds no second job.
    expect(await retryDeadLetters(database.db, [dead])).toBe(0);
    expect(await jobsFor(dead)).toBe(1);
    expect(await countDeadLetters(database.db)).toBe(2);
  });
});
