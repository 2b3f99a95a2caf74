import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { apiKeys } from "../../../db/schema";
import { createUserWithPassword } from "../../../db/seed/users";
import { openTestDatabase } from "../../../testing/test-database";
import { createWorkflow } from "../../workflows/create-workflow";
import { ApiKeyError, createApiKey, listApiKeys, revokeApiKey, verifyApiKey } from "../api-keys";

let database: Database;
let adminId: string;
let workflowId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  adminId = await createUserWithPassword(database.db, {
    email: "ada@test",
    name: "Ada",
    role: "admin",
    password: "password123",
  });
  ({ id: workflowId } = await createWorkflow(database.db, adminId, { name: "Refunds" }));
});
afterAll(() => database.close());

const sha256 = (text: string) => crypto.createHash("sha256").update(text, "utf8").digest("hex");

describe("api keys", () => {
  it("returns the secret once and stores only its SHA-256", async () => {
    const created = await createApiKey(database.db, adminId, { name: "Zendesk", workflowId: null });
    expect(created.secret).toMatch(/^sbk_[A-Za-z0-9_-]{32}$/);
    expect(created.secret.startsWith(created.prefix)).toBe(true);

    const [row] = await database.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row!.secretHash).toBe(sha256(created.secret));
    // Nothing stored (nor listed) carries the secret itself.
    expect(JSON.stringify(row)).not.toContain(created.secret);
    const listed = await listApiKeys(database.db);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(listed.find((k) => k.id === created.id)).not.toHaveProperty("secret");
  });

  it("accepts its secret, and refuses a wrong, foreign or revoked one", async () => {
    const created = await createApiKey(database.db, adminId, { name: "Form", workflowId: null });
    expect(await verifyApiKey(database.db, created.secret)).toEqual({ id: created.id, workflowId: null });

    const [used] = await database.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(used!.lastUsedAt).toBeInstanceOf(Date);

    const lastChar = created.secret.at(-1) === "A" ? "B" : "A";
    expect(await verifyApiKey(database.db, created.secret.slice(0, -1) + lastChar)).toBeNull();
    expect(await verifyApiKey(database.db, "Bearer " + created.secret)).toBeNull();
    expect(await verifyApiKey(database.db, "")).toBeNull();

    await revokeApiKey(database.db, adminId, created.id);
    expect(await verifyApiKey(database.db, created.secret)).toBeNull();
  });

  it("scopes a key to one workflow and lists it with the workflow and its author", async () => {
    const scoped = await createApiKey(database.db, adminId, { name: "Refund form", workflowId });
    expect(await verifyApiKey(database.db, scoped.secret)).toEqual({ id: scoped.id, workflowId });

    const listed = await listApiKeys(database.db);
    expect(listed.find((k) => k.id === scoped.id)).toMatchObject({
      name: "Refund form",
      prefix: scoped.prefix,
      workflowId,
      workflowName: "Refunds",
      createdByName: "Ada",
      revokedAt: null,
    });
    expect(listed.find((k) => k.name === "Zendesk")).toMatchObject({ workflowId: null, workflowName: null });
  });

  it("refuses a scope on a workflow that does not exist", async () => {
    await expect(
      createApiKey(database.db, adminId, { name: "Ghost", workflowId: "no-such-workflow" }),
    ).rejects.toThrow(new ApiKeyError("That workflow no longer exists."));
  });

  it("revokes once; a second revoke says so clearly", async () => {
    const created = await createApiKey(database.db, adminId, { name: "Old", workflowId: null });
    await revokeApiKey(database.db, adminId, created.id);
    const listed = (await listApiKeys(database.db)).find((k) => k.id === created.id);
    expect(listed?.revokedAt).toBeInstanceOf(Date);

    const again = revokeApiKey(database.db, adminId, created.id);
    await expect(again).rejects.toBeInstanceOf(ApiKeyError);
    await expect(revokeApiKey(database.db, adminId, created.id)).rejects.toThrow(
      "That key does not exist or was already revoked.",
    );
    await expect(revokeApiKey(database.db, adminId, "no-such-key")).rejects.toBeInstanceOf(ApiKeyError);
  });
});
