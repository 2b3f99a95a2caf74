import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { POST as trpcPost, GET as trpcGet } from "@/app/api/trpc/[trpc]/route";
import type { Db } from "../../db/client";
import { appRouter } from "../../root";
import { crossOriginVerdict } from "../cross-origin";
import { isTrustedOrigin, normalizedOrigin, trustedOrigins } from "../trusted-origins";

const TRUSTED = ["http://localhost:3000", "http://127.0.0.1:3000", "https://switchboard.example.com"];
const verdict = (headers: Record<string, string>) =>
  crossOriginVerdict(new Headers(headers), TRUSTED).refused;

describe("cross-origin verdict", () => {
  it.each([
    ["another site's Origin", { origin: "https://evil.example" }],
    ["Origin: null", { origin: "null" }],
    ["another port", { origin: "http://localhost:3001" }],
    ["another scheme", { origin: "https://localhost:3000" }],
    ["a look-alike host", { origin: "http://localhost:3000.evil.example" }],
    [
      "Sec-Fetch-Site: cross-site, even with a trusted Origin",
      { origin: "http://localhost:3000", "sec-fetch-site": "cross-site" },
    ],
    [
      "Sec-Fetch-Site: same-site from a sibling",
      { origin: "https://evil.switchboard.example.com", "sec-fetch-site": "same-site" },
    ],
    ["a non-http Origin", { origin: "file://" }],
  ])("refuses %s", (_name, headers) => {
    expect(verdict(headers)).toBe(true);
  });

  it.each([
    ["the app's own Origin", { origin: "http://localhost:3000" }],
    ["a configured public origin", { origin: "https://switchboard.example.com" }],
    ["Sec-Fetch-Site: same-origin", { "sec-fetch-site": "same-origin", origin: "http://10.0.0.5:3000" }],
    ["a direct navigation (Sec-Fetch-Site: none)", { "sec-fetch-site": "none" }],
    ["a client that sends neither header (curl, a server)", {}],
  ])("lets through %s", (_name, headers) => {
    expect(verdict(headers)).toBe(false);
  });

  it("normalizes origins and reads SWITCHBOARD_TRUSTED_ORIGINS", () => {
    expect(normalizedOrigin("HTTPS://Example.COM:443/path")).toBe("https://example.com");
    expect(normalizedOrigin("javascript:alert(1)")).toBeNull();
    const saved = process.env.SWITCHBOARD_TRUSTED_ORIGINS;
    process.env.SWITCHBOARD_TRUSTED_ORIGINS = " https://proxy.example ,";
    try {
      expect(trustedOrigins()).toContain("https://proxy.example");
      expect(isTrustedOrigin("https://proxy.example")).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.SWITCHBOARD_TRUSTED_ORIGINS;
      else process.env.SWITCHBOARD_TRUSTED_ORIGINS = saved;
    }
  });
});

/** A database that fails on any use: a request refused with it proves nothing was read or written. */
const untouchable = new Proxy({} as Db, {
  get() {
    throw new Error("the database was used");
  },
});

describe("the tRPC route", () => {
  it("refuses a cross-origin mutation with a JSON 403 before any session or database is looked at", async () => {
    const attacks: Record<string, string>[] = [
      { origin: "https://evil.example", "content-type": "text/plain" },
      { origin: "http://localhost:3000", "sec-fetch-site": "cross-site" },
    ];
    for (const headers of attacks) {
      const response = await trpcPost(
        new Request("http://localhost:3000/api/trpc/workflows.create", {
          method: "POST",
          headers: { ...headers, cookie: "better-auth.session_token=stolen" },
          body: JSON.stringify({ json: { name: "csrf" } }),
        }),
      );
      expect(response.status).toBe(403);
      expect(response.headers.get("content-type")).toContain("application/json");
      expect((await response.json()).error.code).toBe("FORBIDDEN");
    }
  });

  it("refuses a cross-site GET too (queries carry the session cookie as well)", async () => {
    const response = await trpcGet(
      new Request("http://localhost:3000/api/trpc/users.me", { headers: { "sec-fetch-site": "cross-site" } }),
    );
    expect(response.status).toBe(403);
  });

  it("never runs a mutation sent as GET", async () => {
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(
        `http://localhost:3000/api/trpc/workflows.create?input=${encodeURIComponent(JSON.stringify({ json: { name: "x" } }))}`,
      ),
      router: appRouter,
      createContext: () => ({
        db: untouchable,
        user: { id: "u", email: "admin@test", name: "Admin", role: "admin" as const },
      }),
    });
    expect(response.status).toBe(405);
    expect(JSON.stringify(await response.json())).toContain("METHOD_NOT_SUPPORTED");
  });
});
