import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { openTestDatabase } from "../../../testing/test-database";
import { recordFigures } from "../../../testing/reliability-figures";
import { createApiKey } from "../../api-keys/api-keys";
import { buildReviewWorld, putInShadow, ticket, type ReviewWorld } from "../../reviews/__tests__/support";
import { createApiRateLimiter } from "../http/authenticate";
import { postItems, type ApiDeps } from "../http/item-handlers";

/*
 * 20,000+ hostile or broken requests to the ingest handler: each must get a 4xx JSON error, none a 5xx,
 * and the process must stay up (the test is that process).
 */
let database: Database;
let world: ReviewWorld;
let deps: ApiDeps;
let secret: string;

beforeAll(async () => {
  process.env.SWITCHBOARD_API_MAX_BODY_BYTES = String(64 * 1024);
  database = await openTestDatabase();
  world = await buildReviewWorld(database.db);
  await putInShadow(database.db, world.workflowId);
  deps = { db: database.db, limiter: createApiRateLimiter(1_000_000) };
  secret = (await createApiKey(database.db, world.adminId, { name: "fuzz", workflowId: null })).secret;
});
afterAll(async () => {
  delete process.env.SWITCHBOARD_API_MAX_BODY_BYTES;
  await database.close();
});

/** A seeded generator, so a failure is repeatable. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Payload {
  kind: string;
  body: string | Uint8Array;
  contentType?: string;
  headers?: Record<string, string>;
}

/** Wrong for every trigger field (all are text, enums or dates). */
const WRONG_VALUES: unknown[] = [42, -1.5, true, false, [], {}, ["a"], { nested: "x" }, 1e308, 0];
const BROKEN_TEXT = ["\u0000", "a\u0000b", "\ud800", "x\udfffy", "\udbff\u0000"];

function* payloads(): Generator<Payload> {
  const next = random(2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const base = () => ticket("Refund", "Charged twice");
  const fields = Object.keys(base());
  for (let i = 0; i < 2500; i++) {
    const item: Record<string, unknown> = {
      ...base(),
      [pick(fields.filter((f) => f !== "customer_email"))]: pick(WRONG_VALUES),
    };
    yield { kind: "wrong type", body: JSON.stringify(item) };
  }
  for (let i = 0; i < 2500; i++) {
    const item = base();
    for (const field of ["ticket_id", "subject", "body", "channel"].filter(() => next() < 0.6))
      delete item[field];
    delete item.customer_tier;
    yield { kind: "missing fields", body: JSON.stringify(item) };
  }
  for (let i = 0; i < 2000; i++) {
    const item: Record<string, unknown> = {
      ...base(),
      [pick(["subject", "body", "extra"])]: `ok${pick(BROKEN_TEXT)}`,
    };
    yield { kind: "NUL and broken surrogates", body: JSON.stringify(item) };
  }
  for (let i = 0; i < 2000; i++) {
    const text = Buffer.from(JSON.stringify(base()));
    const at = Math.floor(next() * text.length);
    const broken = Buffer.concat([text.subarray(0, at), Buffer.from([0xff, 0xfe, 0xc3]), text.subarray(at)]);
    yield { kind: "bad UTF-8", body: new Uint8Array(broken) };
  }
  for (let i = 0; i < 2000; i++) {
    const text = JSON.stringify(base());
    yield { kind: "truncated JSON", body: text.slice(0, Math.floor(next() * (text.length - 1))) };
  }
  for (let i = 0; i < 1000; i++) {
    const depth = 33 + Math.floor(next() * 20_000);
    yield { kind: "deep nesting", body: `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}` };
  }
  for (let i = 0; i < 1000; i++) {
    yield {
      kind: "wrong content type",
      body: JSON.stringify(base()),
      contentType: pick([
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "",
        "application/xml",
      ]),
    };
  }
  for (let i = 0; i < 300; i++) {
    yield { kind: "huge body", body: JSON.stringify({ ...base(), body: "x".repeat(70 * 1024 + i) }) };
  }
  for (let i = 0; i < 2000; i++) {
    const batch = Array.from({ length: 1 + Math.floor(next() * 20) }, () =>
      pick([1, "x", null, [], { subject: 5 }]),
    );
    yield { kind: "junk batch", body: JSON.stringify(batch) };
  }
  for (let i = 0; i < 2000; i++) {
    const good = JSON.stringify(base()).slice(0, -1);
    yield {
      kind: "duplicate keys",
      body: `${good},"channel":"email","channel":${JSON.stringify(pick(WRONG_VALUES))}}`,
    };
  }
  for (let i = 0; i < 1500; i++) {
    const bytes = new Uint8Array(1 + Math.floor(next() * 512));
    for (let b = 0; b < bytes.length; b++) bytes[b] = Math.floor(next() * 256);
    yield { kind: "random bytes", body: bytes };
  }
  for (let i = 0; i < 1000; i++) {
    yield { kind: "not an object", body: JSON.stringify(pick([0, -3, "ticket", null, true, false, 1e21])) };
  }
  for (let i = 0; i < 300; i++) {
    yield {
      kind: "bad idempotency key",
      body: JSON.stringify(base()),
      headers: { "idempotency-key": pick(["", " ", "é", "x".repeat(201), "a\tb"]) },
    };
  }
}

describe("ingest fuzz", () => {
  it("answers every hostile request with a 4xx JSON error and never a 5xx", async () => {
    const byKind = new Map<string, Map<number, number>>();
    let sent = 0;
    let responses5xx = 0;
    const notJson: string[] = [];
    for (const payload of payloads()) {
      let request: Request;
      try {
        request = new Request(`http://local/api/v1/workflows/${world.workflowId}/items`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${secret}`,
            "content-type": payload.contentType ?? "application/json",
            ...payload.headers,
          },
          body: payload.body as BodyInit,
        });
      } catch {
        // A header the HTTP layer itself refuses never reaches us: count it as refused at the door.
        sent += 1;
        continue;
      }
      const response = await postItems(request, world.workflowId, deps);
      sent += 1;
      if (response.status >= 500) responses5xx += 1;
      const counts = byKind.get(payload.kind) ?? new Map<number, number>();
      counts.set(response.status, (counts.get(response.status) ?? 0) + 1);
      byKind.set(payload.kind, counts);
      const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
      if (!body?.error?.code) notJson.push(`${payload.kind} → ${response.status}`);
    }
    recordFigures({ fuzz_payloads: sent, responses_5xx: responses5xx });
    console.log(
      [...byKind]
        .map(([kind, counts]) => `${kind}: ${[...counts].map(([s, n]) => `${s}×${n}`).join(" ")}`)
        .join("\n"),
    );
    expect(sent).toBeGreaterThanOrEqual(20_000);
    expect(responses5xx).toBe(0);
    expect(notJson.slice(0, 5)).toEqual([]);
    for (const counts of byKind.values()) {
      for (const status of counts.keys()) expect(status >= 400 && status < 500).toBe(true);
    }
  });
});
