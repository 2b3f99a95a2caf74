import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { auditEvents, signInAttempts } from "../../db/schema";
import { createUserWithPassword } from "../../db/seed/users";
import { openTestDatabase } from "../../testing/test-database";
import { consumeSignInAttempt } from "../account-limit";
import { createAuth } from "..";

process.env.BETTER_AUTH_SECRET ??= "test-secret-at-least-32-characters-long!!";
process.env.SWITCHBOARD_SIGN_IN_ACCOUNT_LIMIT = "5";
const origin = "http://localhost:3000";
const LIMIT = 5;

let database: Database;
let auth: ReturnType<typeof createAuth>;
beforeAll(async () => {
  database = await openTestDatabase();
  auth = createAuth(database.db);
  for (const email of ["victim@test.dev", "patient@test.dev", "parallel@test.dev"])
    await createUserWithPassword(database.db, {
      email,
      name: email,
      role: "reviewer",
      password: "right-password",
    });
});
afterAll(async () => {
  delete process.env.SWITCHBOARD_SIGN_IN_ACCOUNT_LIMIT;
  await database.close();
});

let nextAddress = 0;
/** Every attempt from a fresh address, so only the per-account limit can refuse it. */
function signInFromNewAddress(email: string, password: string) {
  nextAddress++;
  return auth.handler(
    new Request(`${origin}/api/auth/sign-in/email`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin,
        "x-forwarded-for": `10.2.${Math.floor(nextAddress / 250)}.${nextAddress % 250}`,
      },
      body: JSON.stringify({ email, password }),
    }),
  );
}

describe("per-account sign-in limit", () => {
  it("refuses a guesser spread over many addresses with 429 and Retry-After, even the right password", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++)
      statuses.push((await signInFromNewAddress("victim@test.dev", `guess-${i}`)).status);
    expect(statuses).toEqual([...Array(LIMIT).fill(401), 429, 429]);
    const refused = await signInFromNewAddress("Victim@Test.dev ", "right-password");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(60);
    expect((await refused.json()).message).toBe("Too many requests. Please try again later.");
  });

  it("limits an unknown email exactly like a known one, so the answer reveals nothing", async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < LIMIT + 1; i++) {
      known.push((await signInFromNewAddress("patient@test.dev", "wrong")).status);
      unknown.push((await signInFromNewAddress("nobody-here@test.dev", "wrong")).status);
    }
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toBe(429);
  });

  it("starts the count afresh after a successful sign-in", async () => {
    for (let i = 0; i < LIMIT - 1; i++) await signInFromNewAddress("parallel@test.dev", "wrong");
    expect((await signInFromNewAddress("parallel@test.dev", "right-password")).status).toBe(200);
    for (let i = 0; i < LIMIT - 1; i++)
      expect((await signInFromNewAddress("parallel@test.dev", "wrong")).status).toBe(401);
  });

  it("lets no parallel burst past the limit", async () => {
    const limit = { max: 3, windowMs: 60_000 };
    const verdicts = await Promise.all(
      Array.from({ length: 12 }, () => consumeSignInAttempt(database.db, "burst@test.dev", limit)),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(3);
  });

  it("opens a new window once the old one is over", async () => {
    const limit = { max: 1, windowMs: 60_000 };
    const t0 = new Date("2026-11-26T10:00:00Z");
    expect((await consumeSignInAttempt(database.db, "window@test.dev", limit, t0)).allowed).toBe(true);
    const during = await consumeSignInAttempt(
      database.db,
      "window@test.dev",
      limit,
      new Date(t0.getTime() + 30_000),
    );
    expect(during).toEqual({ allowed: false, attempts: 2, retryAfterSeconds: 30 });
    const after = await consumeSignInAttempt(
      database.db,
      "window@test.dev",
      limit,
      new Date(t0.getTime() + 61_000),
    );
    expect(after.allowed).toBe(true);
  });

  it("stores no email, only a hash of it", async () => {
    const rows = await database.db.select().from(signInAttempts);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain("@test.dev");
  });

  it("audits the first refusal of a window once, not every refusal", async () => {
    const rows = await database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "auth.sign_in_throttled"), eq(auditEvents.actorLabel, "victim@test.dev")),
      );
    expect(rows).toHaveLength(1);
  });
});
