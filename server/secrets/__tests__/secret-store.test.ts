import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { secrets } from "../../db/schema";
import { openTestDatabase } from "../../testing/test-database";
import { SecretDecryptError } from "../cipher";
import { SecretStore } from "../secret-store";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const key = crypto.randomBytes(32);

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

describe("SecretStore", () => {
  it("stores ciphertext only, reveals the value, and reports status without it", async () => {
    const store = new SecretStore(database.db, key);
    const status = await store.set("connector:a", "apiKey", "sk-store-test-1");
    expect(status).toEqual({ set: true, updatedAt: expect.any(Date) });

    const [row] = await database.db.select().from(secrets).where(eq(secrets.scope, "connector:a"));
    expect(row?.ciphertext).not.toContain("sk-store-test-1");
    expect(await store.reveal("connector:a", "apiKey")).toBe("sk-store-test-1");
    expect(await store.reveal("connector:a", "token")).toBeNull();
    expect(JSON.stringify(await store.statuses("connector:a"))).not.toContain("sk-store-test-1");
  });

  it("changes the scope's version when a secret changes", async () => {
    const store = new SecretStore(database.db, key);
    await store.set("connector:b", "token", "first-value");
    const before = await store.revealScope("connector:b");
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.set("connector:b", "token", "second-value");
    const after = await store.revealScope("connector:b");
    expect(after.values).toEqual({ token: "second-value" });
    expect(after.version).not.toBe(before.version);
  });

  it("refuses a tampered row, and a row copied under another name", async () => {
    const store = new SecretStore(database.db, key);
    await store.set("connector:c", "password", "pw-value-1");
    const where = and(eq(secrets.scope, "connector:c"), eq(secrets.name, "password"));
    const [row] = await database.db.select().from(secrets).where(where);
    const parts = row!.ciphertext.split(".");
    parts[3] = `A${parts[3]!.slice(1)}` === parts[3] ? `B${parts[3]!.slice(1)}` : `A${parts[3]!.slice(1)}`;
    await database.db
      .update(secrets)
      .set({ ciphertext: parts.join(".") })
      .where(where);
    await expect(store.reveal("connector:c", "password")).rejects.toThrow(SecretDecryptError);

    await store.set("connector:d", "apiKey", "key-value-1");
    const [original] = await database.db.select().from(secrets).where(eq(secrets.scope, "connector:d"));
    await database.db
      .insert(secrets)
      .values({ scope: "connector:e", name: "apiKey", ciphertext: original!.ciphertext });
    await expect(store.reveal("connector:e", "apiKey")).rejects.toThrow(SecretDecryptError);
  });
});
