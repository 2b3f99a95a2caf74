import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { workflows } from "../../../db/schema";
import { createUserWithPassword } from "../../../db/seed/users";
import { appRouter } from "../../../root";
import { openTestDatabase } from "../../../testing/test-database";
import { createCallerFactory, type SessionUser } from "../../../trpc";
import { createWorkflow } from "../../workflows/create-workflow";

/*
 * The routers' own work: inputs, and service errors turned into tRPC errors that keep their sentence.
 *   [trigger: id, text, occurred_at] --> [done]
 */
let database: Database;
let admin: SessionUser;
let owner: SessionUser;
const createCaller = createCallerFactory(appRouter);
const as = (user: SessionUser) => createCaller({ db: database.db, user });

beforeAll(async () => {
  database = await openTestDatabase();
  const user = async (name: string, role: "admin" | "owner") => ({
    id: await createUserWithPassword(database.db, {
      email: `${name}@test`,
      name,
      role,
      password: "password123",
    }),
    email: `${name}@test`,
    name,
    role,
  });
  admin = await user("ada", "admin");
  owner = await user("olga", "owner");
});
afterAll(() => database.close());

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

const item = (id: string) => ({ id, text: `Item ${id}`, occurred_at: "2026-03-01T09:30:00Z" });

describe("items router", () => {
  it("uploads a chunk: good rows accepted, a repeated id a duplicate, a bad row refused field by field", async () => {
    const { id: workflowId, versionId } = await createWorkflow(database.db, owner.id, { name: "Uploads" });
    expect(await refusal(as(owner).items.upload({ workflowId, items: [item("A-1")] }))).toEqual({
      code: "CONFLICT",
      message: expect.stringContaining('Workflow "Uploads" is a draft'),
    });

    await database.db
      .update(workflows)
      .set({ stage: "shadow", shadowVersionId: versionId })
      .where(eq(workflows.id, workflowId));
    const result = await as(owner).items.upload({
      workflowId,
      items: [item("A-1"), { ...item("A-2"), occurred_at: "yesterday" }, item("A-1"), item("A-3")],
    });
    expect(result.accepted.map((a) => [a.index, a.externalId, a.duplicate])).toEqual([
      [0, "A-1", false],
      [2, "A-1", true],
      [3, "A-3", false],
    ]);
    expect(result.rejected).toEqual([
      { index: 1, errors: [{ path: "occurred_at", message: expect.stringContaining("ISO 8601") }] },
    ]);

    const page = await as(owner).items.list({ workflowId });
    expect(page.items.map((i) => [i.externalId, i.status, i.mode])).toEqual(
      expect.arrayContaining([
        ["A-1", "queued", "shadow"],
        ["A-3", "queued", "shadow"],
      ]),
    );
    expect(page.statusCounts).toEqual({ queued: 2 });
    expect((await as(owner).items.get({ itemId: result.accepted[0]!.itemId })).apiKeyId).toBeNull();
  });

  it("refuses more than 1,000 items in one chunk before calling ingest", async () => {
    const items = Array.from({ length: 1001 }, (_, i) => item(`B-${i}`));
    expect(await refusal(as(owner).items.upload({ workflowId: "any", items }))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at most 1000 items"),
    });
  });

  it("answers a revoked key's second revoke with the service's sentence", async () => {
    const key = await as(admin).apiKeys.create({ name: "Zendesk", workflowId: null });
    expect(key.secret).toMatch(/^sbk_/);
    await as(admin).apiKeys.revoke({ keyId: key.id });
    expect(await refusal(as(admin).apiKeys.revoke({ keyId: key.id }))).toEqual({
      code: "BAD_REQUEST",
      message: "That key does not exist or was already revoked.",
    });
    expect(await refusal(as(admin).apiKeys.create({ name: "Ghost", workflowId: "no-such" }))).toEqual({
      code: "BAD_REQUEST",
      message: "That workflow no longer exists.",
    });
    expect(await refusal(as(owner).apiKeys.list())).toMatchObject({ code: "FORBIDDEN" });
  });
});
