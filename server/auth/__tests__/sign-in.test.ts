import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { createUserWithPassword } from "../../db/seed/users";
import { openTestDatabase } from "../../testing/test-database";
import { createAuth } from "..";

process.env.BETTER_AUTH_SECRET ??= "test-secret-at-least-32-characters-long!!";
const origin = "http://localhost:3000";

let database: Database;
let auth: ReturnType<typeof createAuth>;
beforeAll(async () => {
  database = await openTestDatabase();
  auth = createAuth(database.db);
  await createUserWithPassword(database.db, {
    email: "owner@test.dev",
    name: "Owner",
    role: "owner",
    password: "right-password",
  });
});
afterAll(() => database.close());

function signIn(email: string, password: string, ip: string) {
  return auth.handler(
    new Request(`${origin}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, "x-forwarded-for": ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

describe("email and password sign-in", () => {
  it("signs in with the right password and carries the role on the session", async () => {
    const response = await signIn("owner@test.dev", "right-password", "10.1.0.1");
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
    const session = await auth.api.getSession({ headers: new Headers({ cookie }) });
    expect(session?.user).toMatchObject({ email: "owner@test.dev", role: "owner" });
  });

  it("answers a wrong password and an unknown email alike", async () => {
    const wrongPassword = await signIn("owner@test.dev", "nope-nope", "10.1.0.2");
    const unknownEmail = await signIn("nobody@test.dev", "nope-nope", "10.1.0.2");
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect((await wrongPassword.json()).message).toBe((await unknownEmail.json()).message);
  });

  it("rate-limits repeated attempts from one address, and only that address", async () => {
    // A different email each time, so only the per-address limit is in play.
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await signIn(`sprayed-${i}@test.dev`, "wrong-again", "10.1.0.3")).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect((await signIn("owner@test.dev", "right-password", "10.1.0.4")).status).toBe(200);
  });

  it("answers 429 with Retry-After on the per-address limit", async () => {
    let last: Response | undefined;
    for (let i = 0; i < 11; i++) last = await signIn(`another-${i}@test.dev`, "wrong", "10.1.0.6");
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("refuses a sign-in from a foreign origin", async () => {
    const response = await auth.handler(
      new Request(`${origin}/api/auth/sign-in/email`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: "https://evil.example",
          "x-forwarded-for": "10.1.0.5",
          cookie: "a=b",
        },
        body: JSON.stringify({ email: "owner@test.dev", password: "right-password" }),
      }),
    );
    expect(response.status).toBe(403);
  });
});
