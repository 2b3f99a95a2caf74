import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { items, workflows } from "../../../db/schema";
import { openTestDatabase } from "../../../testing/test-database";
import { createApiKey, revokeApiKey } from "../../api-keys/api-keys";
import { buildReviewWorld, putInShadow, ticket, type ReviewWorld } from "../../reviews/__tests__/support";
import { createApiRateLimiter } from "../http/authenticate";
import { getItem, postItems, postOutcome, type ApiDeps } from "../http/item-handlers";
import { openApiDocument } from "../http/openapi";

let database: Database;
let world: ReviewWorld;
let deps: ApiDeps;
let secret: string;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildReviewWorld(database.db);
  await putInShadow(database.db, world.workflowId);
  deps = { db: database.db, limiter: createApiRateLimiter(1000) };
  secret = (await createApiKey(database.db, world.adminId, { name: "tests", workflowId: null })).secret;
});
afterAll(() => database.close());

function post(
  body: unknown,
  headers: Record<string, string> = {},
  workflowId = world.workflowId,
  apiDeps = deps,
) {
  const request = new Request(`http://local/api/v1/workflows/${workflowId}/items`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json", ...headers },
    body: typeof body === "string" || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
  });
  return postItems(request, workflowId, apiDeps);
}

const itemCount = async () => (await database.db.select({ n: sql<number>`count(*)::int` }).from(items))[0]!.n;

describe("POST /api/v1/workflows/{id}/items", () => {
  it("accepts an item with 202, its id and a status URL", async () => {
    const response = await post(ticket("Refund", "Charged twice"));
    expect(response.status).toBe(202);
    const body = await response.json();
    expect(body).toMatchObject({ duplicate: false, statusUrl: `/api/v1/items/${body.itemId}` });
    expect(response.headers.get("location")).toBe(body.statusUrl);
  });

  it("answers a repeated Idempotency-Key with the first answer and creates one item", async () => {
    const before = await itemCount();
    const payload = ticket("Refund", "again");
    const first = await post(payload, { "idempotency-key": "retry-1" });
    const second = await post(payload, { "idempotency-key": "retry-1" });
    expect(second.status).toBe(first.status);
    expect(await second.json()).toEqual(await first.json());
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await itemCount()).toBe(before + 1);
    const reused = await post(ticket("Other", "body"), { "idempotency-key": "retry-1" });
    expect(reused.status).toBe(422);
    expect((await reused.json()).error.code).toBe("idempotency_key_reused");
  });

  it("creates nothing twice for the same item id field, even without a key", async () => {
    const payload = ticket("Refund", "same id");
    const first = await (await post(payload)).json();
    const before = await itemCount();
    const again = await (await post(payload)).json();
    expect(again).toMatchObject({ itemId: first.itemId, duplicate: true });
    expect(await itemCount()).toBe(before);
  });

  it("answers malformed input with a 4xx JSON error naming the problem", async () => {
    const cases: [unknown, Record<string, string>, number, string][] = [
      ["{not json", {}, 400, "invalid_json"],
      ["", {}, 400, "empty_body"],
      ["42", {}, 400, "invalid_item"],
      [ticket("x", "y"), { "content-type": "text/plain" }, 415, "unsupported_media_type"],
      [[], {}, 400, "empty_batch"],
    ];
    for (const [body, headers, status, code] of cases) {
      const response = await post(body, headers);
      expect([response.status, (await response.json()).error.code]).toEqual([status, code]);
    }
    const nul = await post({ ...ticket("x", "y"), body: "before\u0000after" });
    expect([nul.status, (await nul.json()).error.fields[0].path]).toEqual([400, "body"]);
    const badBytes = await post(
      new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]) as unknown as string,
    );
    expect((await badBytes.json()).error.code).toBe("invalid_encoding");
    const invalid = await post({ ...ticket("x", "y"), subject: 7, body: undefined });
    expect(invalid.status).toBe(400);
    const { error } = await invalid.json();
    expect(error.fields.map((f: { path: string }) => f.path).sort()).toEqual(["body", "subject"]);
  });

  it("takes a batch, keeping the good items and listing the bad by index", async () => {
    const response = await post([ticket("a", "b"), { subject: 1 }, ticket("c", "d")]);
    expect(response.status).toBe(202);
    const body = await response.json();
    expect(body.accepted.map((a: { index: number }) => a.index)).toEqual([0, 2]);
    expect(body.rejected.map((r: { index: number }) => r.index)).toEqual([1]);
  });

  it("refuses a body over the size cap with 413", async () => {
    process.env.SWITCHBOARD_API_MAX_BODY_BYTES = "2000";
    try {
      const response = await post(ticket("big", "x".repeat(5000)));
      expect(response.status).toBe(413);
    } finally {
      delete process.env.SWITCHBOARD_API_MAX_BODY_BYTES;
    }
  });

  it("rate-limits per key with 429 and Retry-After", async () => {
    const tight = { ...deps, limiter: createApiRateLimiter(3) };
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const response = await post(ticket("r", "l"), {}, world.workflowId, tight);
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get("retry-after");
    }
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it("refuses missing, unknown, revoked and out-of-scope keys", async () => {
    const noKey = await postItems(
      new Request("http://local/x", {
        method: "POST",
        body: "{}",
        headers: { "content-type": "application/json" },
      }),
      world.workflowId,
      deps,
    );
    expect(noKey.status).toBe(401);
    expect(noKey.headers.get("www-authenticate")).toMatch(/Bearer/);
    const revoked = await createApiKey(database.db, world.adminId, { name: "old", workflowId: null });
    await revokeApiKey(database.db, world.adminId, revoked.id);
    const withRevoked = await postItems(
      new Request("http://local/x", {
        method: "POST",
        body: "{}",
        headers: { "content-type": "application/json", authorization: `Bearer ${revoked.secret}` },
      }),
      world.workflowId,
      deps,
    );
    expect(withRevoked.status).toBe(401);
    const scoped = await createApiKey(database.db, world.adminId, {
      name: "scoped",
      workflowId: world.workflowId,
    });
    const elsewhere = await postItems(
      new Request("http://local/x", {
        method: "POST",
        body: "{}",
        headers: { "content-type": "application/json", authorization: `Bearer ${scoped.secret}` },
      }),
      "another-workflow",
      deps,
    );
    expect(elsewhere.status).toBe(403);
  });

  it("refuses items for a workflow that is not running, and for none", async () => {
    await database.db.update(workflows).set({ stage: "draft" }).where(eq(workflows.id, world.workflowId));
    try {
      const response = await post(ticket("a", "b"));
      expect(response.status).toBe(409);
      expect((await response.json()).error.message).toMatch(/draft/);
    } finally {
      await database.db.update(workflows).set({ stage: "shadow" }).where(eq(workflows.id, world.workflowId));
    }
    expect((await post(ticket("a", "b"), {}, "nope")).status).toBe(404);
  });
});

describe("item status and reported outcomes", () => {
  it("returns the item, then records the human outcome on it", async () => {
    const { itemId } = await (await post(ticket("Refund", "status please"))).json();
    const auth = { authorization: `Bearer ${secret}` };
    const status = await getItem(new Request("http://local/x", { headers: auth }), itemId, deps);
    expect(await status.json()).toMatchObject({ itemId, status: "queued", mode: "shadow", outcome: null });

    const report = (body: unknown) =>
      postOutcome(
        new Request("http://local/x", {
          method: "POST",
          headers: { ...auth, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        itemId,
        deps,
      );
    const bad = await report({ type: "route" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields[0].path).toBe("team");
    const good = await report({ type: "route", team: "billing-team" });
    expect(await good.json()).toMatchObject({ updated: 1, label: { type: "route", label: "billing-team" } });
    const [row] = await database.db.select().from(items).where(eq(items.id, itemId));
    expect(row).toMatchObject({ labelSource: "reported", label: { team: "billing-team" } });
    expect((await getItem(new Request("http://local/x", { headers: auth }), "missing", deps)).status).toBe(
      404,
    );
  });
});

describe("OpenAPI document", () => {
  it("describes every route with schemas generated from the handlers' zod schemas", () => {
    const doc = openApiDocument("http://localhost:3000") as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; oneOf?: unknown[] }> };
    };
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/api/v1/items/{itemId}",
      "/api/v1/items/{itemId}/outcome",
      "/api/v1/workflows/{workflowId}/items",
    ]);
    expect(Object.keys(doc.components.schemas.Accepted!.properties!)).toEqual(
      expect.arrayContaining(["itemId", "statusUrl", "duplicate"]),
    );
    expect(doc.components.schemas.ReportedOutcome!.oneOf).toHaveLength(3);
  });
});
