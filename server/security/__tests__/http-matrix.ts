import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { count as countRows } from "drizzle-orm";
import { appBaseUrl, DEMO_PASSWORD } from "../../config";
import type { Database } from "../../db/client";
import { workflows } from "../../db/schema";
import { sweepOverdueTasks } from "../../services/reviews/sla-sweep";
import { changedTables, databaseFingerprint } from "./authz-runner";
import { REVIEWER_PASSWORD, type AuthzWorld } from "./authz-world";

export interface HttpCaseResult {
  label: string;
  failure: string | null;
}

type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
const ROOT = path.resolve(import.meta.dirname, "../../..");
const EVIL = "https://evil.example";

async function routes() {
  return {
    auth: await import("@/app/api/auth/[...all]/route"),
    trpc: await import("@/app/api/trpc/[trpc]/route"),
    items: await import("@/app/api/v1/workflows/[id]/items/route"),
    item: await import("@/app/api/v1/items/[id]/route"),
    outcome: await import("@/app/api/v1/items/[id]/outcome/route"),
    openapi: await import("@/app/api/v1/openapi.json/route"),
    review: await import("@/app/api/monitoring/reviews/[workflowId]/[month]/route"),
    health: await import("@/app/api/health/route"),
    demoCrm: await import("@/app/api/demo/crm/[...path]/route"),
    upload: await import("@/app/(app)/datasets/upload/route"),
    mismatchesCsv: await import("@/app/api/backtests/[runId]/mismatches.csv/route"),
  };
}

const params = (value: Record<string, unknown>) => ({ params: Promise.resolve(value) });

function request(url: string, init: RequestInit & { headers?: Record<string, string> } = {}): Request {
  return new Request(new URL(url, appBaseUrl()), init);
}

async function bodyText(response: Response): Promise<string> {
  return response.clone().text();
}

/** Signs in through the real auth route and returns the Cookie header a browser would send. */
async function signIn(handler: (r: Request) => Promise<Response>, email: string, password: string) {
  const response = await handler(
    request("/api/auth/sign-in/email", {
      method: "POST",
      headers: { origin: appBaseUrl(), "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    }),
  );
  if (response.status !== 200)
    throw new Error(`sign-in of ${email}: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/** Every app route file that answers GET, relative to the repository (found on disk, so a new one joins). */
export function getRouteFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts" && /\bGET\b/.test(readFileSync(full, "utf8")))
        found.push(path.relative(ROOT, full));
    }
  };
  walk(path.join(ROOT, "app"));
  return found.sort();
}

export async function runHttpMatrix(database: Database, world: AuthzWorld): Promise<HttpCaseResult[]> {
  const global = globalThis as unknown as {
    switchboardDatabase?: Promise<Database>;
    switchboardAuth?: unknown;
  };
  global.switchboardDatabase = Promise.resolve(database);
  global.switchboardAuth = undefined;
  const r = await routes();
  const results: HttpCaseResult[] = [];
  const check = (label: string, failure: string | null) => results.push({ label, failure });

  const cookies = {
    admin: await signIn(r.auth.POST, world.users.admin.email, DEMO_PASSWORD),
    owner: await signIn(r.auth.POST, world.users.owner.email, DEMO_PASSWORD),
    reviewer: await signIn(r.auth.POST, world.users.reviewer.email, REVIEWER_PASSWORD),
  };

  // /api/v1: API keys only. Items of each workflow, by key, by workflow.
  const [itemA, itemB] = [String(world.own.item), String(world.other.item)];
  const credentials: { name: string; headers: Record<string, string>; workflow: "a" | "b" | "all" | null }[] =
    [
      { name: "anonymous", headers: {}, workflow: null },
      { name: "bad key", headers: { authorization: "Bearer sb_live_not-a-key" }, workflow: null },
      { name: "malformed header", headers: { authorization: "Basic YWRtaW46YWRtaW4=" }, workflow: null },
      { name: "revoked key", headers: { authorization: `Bearer ${world.apiKeys.revoked}` }, workflow: null },
      { name: "key for A", headers: { authorization: `Bearer ${world.apiKeys.workflowA}` }, workflow: "a" },
      { name: "key for B", headers: { authorization: `Bearer ${world.apiKeys.workflowB}` }, workflow: "b" },
      { name: "key for all", headers: { authorization: `Bearer ${world.apiKeys.all}` }, workflow: "all" },
      ...(["admin", "owner", "reviewer"] as const).map((role) => ({
        name: `${role} session cookie`,
        headers: { cookie: cookies[role] },
        workflow: null,
      })),
    ];
  for (const credential of credentials) {
    for (const target of ["a", "b"] as const) {
      const workflowId = world.workflows[target];
      const itemId = target === "a" ? itemA : itemB;
      const may = credential.workflow === "all" || credential.workflow === target;
      const calls: [string, () => Promise<Response>, number][] = [
        [
          `POST /api/v1/workflows/${target}/items`,
          () =>
            r.items.POST(
              request(`/api/v1/workflows/${workflowId}/items`, {
                method: "POST",
                headers: { ...credential.headers, "content-type": "application/json" },
                body: JSON.stringify({ subject: "authz", body: "authz probe" }),
              }),
              params({ id: workflowId }) as never,
            ),
          403,
        ],
        [
          `GET /api/v1/items/${target}`,
          () =>
            r.item.GET(
              request(`/api/v1/items/${itemId}`, { headers: credential.headers }),
              params({ id: itemId }) as never,
            ),
          404,
        ],
        [
          `POST /api/v1/items/${target}/outcome`,
          () =>
            r.outcome.POST(
              request(`/api/v1/items/${itemId}/outcome`, {
                method: "POST",
                headers: { ...credential.headers, "content-type": "application/json" },
                body: JSON.stringify({ type: "end" }),
              }),
              params({ id: itemId }) as never,
            ),
          404,
        ],
      ];
      for (const [route, call, refusal] of calls) {
        const response = await call();
        const text = await bodyText(response);
        const label = `${route} with ${credential.name}`;
        if (response.status >= 500) check(label, `answered ${response.status}`);
        else if (credential.workflow === null)
          check(
            label,
            response.status === 401 && text.includes('"error"')
              ? null
              : `expected 401, got ${response.status}`,
          );
        else if (!may)
          check(
            label,
            response.status === refusal && !text.includes('"itemId"')
              ? null
              : `expected ${refusal} without data, got ${response.status} ${text.slice(0, 120)}`,
          );
        else
          check(
            label,
            [401, 403, 404].includes(response.status)
              ? `refused: ${response.status} ${text.slice(0, 120)}`
              : null,
          );
      }
    }
  }

  // Cookie-authenticated routes: the monthly review download and the dataset upload.
  const month = new Date().toISOString().slice(0, 7);
  for (const principal of ["anonymous", "reviewer", "owner", "admin"] as const) {
    const headers: Record<string, string> = principal === "anonymous" ? {} : { cookie: cookies[principal] };
    const expected = principal === "anonymous" ? 401 : principal === "reviewer" ? 403 : 200;
    for (const target of ["a", "b"] as const) {
      const workflowId = world.workflows[target];
      const response = await r.review.GET(
        request(`/api/monitoring/reviews/${workflowId}/${month}?format=markdown`, { headers }),
        params({ workflowId, month }) as never,
      );
      check(
        `GET monthly review of ${target} as ${principal}`,
        response.status === expected ? null : `expected ${expected}, got ${response.status}`,
      );
      const runId = String(world[target === "a" ? "own" : "other"].run);
      const csv = await r.mismatchesCsv.GET(
        request(`/api/backtests/${runId}/mismatches.csv`, { headers }),
        params({ runId }) as never,
      );
      check(
        `GET mismatches.csv of ${target}'s run as ${principal}`,
        csv.status === expected ? null : `expected ${expected}, got ${csv.status}`,
      );
    }
    const upload = await r.upload.POST(
      request("/datasets/upload?name=authz&mapping=null", {
        method: "POST",
        headers: { ...headers, origin: appBaseUrl() },
        body: "a,b\n1,2\n",
      }),
    );
    const uploadExpected = principal === "anonymous" ? [401] : principal === "reviewer" ? [403] : [400];
    check(
      `POST dataset upload as ${principal}`,
      uploadExpected.includes(upload.status) ? null : `expected ${uploadExpected}, got ${upload.status}`,
    );
  }

  // CSRF: a state-changing request another site started is refused, with the victim's cookie attached.
  const workflowCount = async () => (await database.db.select({ n: countRows() }).from(workflows))[0]!.n;
  const createWorkflow = (headers: Record<string, string>, contentType = "application/json") =>
    r.trpc.POST(
      request("/api/trpc/workflows.create", {
        method: "POST",
        headers: { cookie: cookies.owner, "content-type": contentType, ...headers },
        body: JSON.stringify({ json: { name: "authz csrf probe" } }),
      }),
    );
  const crossSite: [string, Record<string, string>, string?][] = [
    ["Origin of another site", { origin: EVIL }],
    ["Origin of another site, as a form (text/plain)", { origin: EVIL }, "text/plain"],
    ["Origin: null", { origin: "null" }],
    ["Sec-Fetch-Site: cross-site", { origin: appBaseUrl(), "sec-fetch-site": "cross-site" }],
    ["another port of localhost", { origin: "http://localhost:1" }],
  ];
  for (const [name, headers, contentType] of crossSite) {
    const before = await workflowCount();
    const response = await createWorkflow(headers, contentType);
    const text = await bodyText(response);
    check(
      `tRPC mutation from ${name}`,
      response.status === 403 && text.includes('"FORBIDDEN"') && (await workflowCount()) === before
        ? null
        : `expected 403 JSON and no change, got ${response.status}`,
    );
  }
  for (const [name, headers] of [
    ["the app's own origin", { origin: appBaseUrl(), "sec-fetch-site": "same-origin" }],
    ["a client without Origin (server to server)", {}],
  ] as const) {
    const response = await createWorkflow(headers);
    check(
      `tRPC mutation from ${name}`,
      response.status === 200 ? null : `expected 200, got ${response.status}`,
    );
  }
  {
    const before = await workflowCount();
    const input = encodeURIComponent(JSON.stringify({ json: { name: "authz GET probe" } }));
    const response = await r.trpc.GET(
      request(`/api/trpc/workflows.create?input=${input}`, { headers: { cookie: cookies.owner } }),
    );
    check(
      "tRPC mutation over GET",
      response.status === 405 && (await workflowCount()) === before
        ? null
        : `expected 405 and no change, got ${response.status}`,
    );
  }
  {
    const response = await r.upload.POST(
      request("/datasets/upload?name=authz&mapping=null", {
        method: "POST",
        headers: { cookie: cookies.owner, origin: EVIL },
        body: "a,b\n1,2\n",
      }),
    );
    check(
      "dataset upload from another site",
      response.status === 403 ? null : `expected 403, got ${response.status}`,
    );
  }
  {
    const response = await r.auth.POST(
      request("/api/auth/sign-out", { method: "POST", headers: { cookie: cookies.admin, origin: EVIL } }),
    );
    check(
      "sign-out from another site",
      response.status === 403 ? null : `expected 403, got ${response.status}`,
    );
  }

  // No state changes through GET: every GET route handler in app/, called, changes nothing.
  const getCalls: Record<string, () => Promise<Response>> = {
    "app/api/auth/[...all]/route.ts": () =>
      r.auth.GET(request("/api/auth/get-session", { headers: { cookie: cookies.admin } })),
    "app/api/trpc/[trpc]/route.ts": () =>
      r.trpc.GET(
        request("/api/trpc/reviews.list,workflows.list?batch=1&input=%7B%7D", {
          headers: { cookie: cookies.admin },
        }),
      ),
    "app/api/v1/items/[id]/route.ts": () =>
      r.item.GET(
        request(`/api/v1/items/${itemA}`, { headers: { authorization: `Bearer ${world.apiKeys.all}` } }),
        params({ id: itemA }) as never,
      ),
    "app/api/v1/openapi.json/route.ts": async () => r.openapi.GET(request("/api/v1/openapi.json")),
    "app/api/monitoring/reviews/[workflowId]/[month]/route.ts": () =>
      r.review.GET(
        request(`/api/monitoring/reviews/${world.workflows.a}/${month}?format=pdf`, {
          headers: { cookie: cookies.owner },
        }),
        params({ workflowId: world.workflows.a, month }) as never,
      ),
    "app/api/health/route.ts": async () => r.health.GET(),
    "app/api/backtests/[runId]/mismatches.csv/route.ts": () =>
      r.mismatchesCsv.GET(
        request(`/api/backtests/${String(world.own.run)}/mismatches.csv`, {
          headers: { cookie: cookies.owner },
        }),
        params({ runId: String(world.own.run) }) as never,
      ),
    "app/api/demo/crm/[...path]/route.ts": () =>
      (r.demoCrm.GET as unknown as Handler)(
        request("/api/demo/crm/customers"),
        params({ path: ["customers"] }),
      ),
  };
  for (const file of getRouteFiles()) {
    const call = getCalls[file];
    if (!call) {
      check(`GET ${file}`, "a GET route handler the no-write check does not call: add it to getCalls");
      continue;
    }
    // The inbox query runs the SLA sweep, a time-driven write: sweep first, so only the request's own writes count.
    await sweepOverdueTasks(database.db);
    const before = await databaseFingerprint(database.db);
    const response = await call();
    const changed = changedTables(before, await databaseFingerprint(database.db));
    check(
      `GET ${file} writes nothing`,
      response.status >= 500
        ? `answered ${response.status}`
        : changed.length
          ? `changed ${changed.join(", ")}`
          : null,
    );
  }
  return results;
}
