import http from "node:http";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { demoUser, type DemoRole } from "../fixtures/demo-users";

/*
 * Auth cannot be walked around by spelling a path differently, and another site cannot make a signed-in
 * browser change anything. Read-only against the shared demo server: every request here is refused, or
 * reads, or is a mutation that finds nothing to change.
 */

interface RawAnswer {
  status: number;
  body: string;
}

/** Sends the path byte for byte: no URL normalization of dot segments, double or encoded slashes. */
function rawGet(baseURL: string, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const base = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: base.hostname, port: base.port, path, method: "GET", headers },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on("error", reject);
    request.end();
  });
}

async function signedIn(
  playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } },
  baseURL: string,
  role: DemoRole,
) {
  const context = await playwright.request.newContext({ baseURL });
  const user = demoUser(role);
  const response = await context.post("/api/auth/sign-in/email", {
    headers: { origin: baseURL },
    data: { email: user.email, password: user.password },
  });
  expect(response.status()).toBe(200);
  return context;
}

const trpcData = async (context: APIRequestContext, path: string, input?: unknown) => {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await context.get(`/api/trpc/${path}${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()).result.data.json;
};

/** The same path, spelled every way a proxy, a router or a decoder might read differently. */
function spellings(path: string): string[] {
  const [, first, ...rest] = path.split("/");
  const tail = rest.join("/");
  return [
    path,
    path.toUpperCase(),
    `/${first!.toUpperCase()}/${tail}`,
    `/${first}/${rest[0]!.toUpperCase()}/${rest.slice(1).join("/")}`,
    `/${path}`,
    `/${first}//${tail}`,
    path.replace(/\/([^/]+)$/, "//$1"),
    `/${first}/./${tail}`,
    `/${first}/%2e/${tail}`,
    `/${first}/x/../${tail}`,
    `/${first}/x/%2e%2e/${tail}`,
    `/${first}/x/%2E%2E/${tail}`,
    `/${first}/${rest[0]}/%2e%2e/${tail}`,
    `/${first}%2f${tail}`,
    `/${first}%2F${tail.replaceAll("/", "%2F")}`,
    `/%61${first!.slice(1)}/${tail}`,
    `/${first}\\${tail.replaceAll("/", "\\")}`,
    `${path}/`,
    `${path}//`,
    `${path}/.`,
    `${path}%00`,
    `${path}%20`,
    `${path};.json`,
    `${path}.json`,
    `${path}?x=1`,
    `${path}#frag`,
  ];
}

test.describe("access", () => {
  test("no spelling of an API path returns data without auth, and none answers 5xx", async ({
    playwright,
    baseURL,
  }) => {
    test.setTimeout(180_000); // some 160 requests, each refused on its own path
    const owner = await signedIn(playwright, baseURL!, "owner");
    const reviewer = await signedIn(playwright, baseURL!, "reviewer");
    const [workflow] = (await trpcData(owner, "workflows.list")) as { id: string }[];
    const { items } = (await trpcData(owner, "items.list", { workflowId: workflow!.id })) as {
      items: { id: string; externalId: string }[];
    };
    const item = items[0]!;
    const reviewerCookie = (await reviewer.storageState()).cookies
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
    const ownerEmail = demoUser("owner").email;

    type Probe = { path: string; headers: Record<string, string>; secret: string };
    const probes: Probe[] = [
      // The ingest API answers API keys only: no key, a bogus key and a reviewer's session are all refused.
      ...spellings(`/api/v1/items/${item.id}`).flatMap((path): Probe[] => [
        { path, headers: {}, secret: item.externalId },
        { path, headers: { authorization: "Bearer sbk_not-a-key" }, secret: item.externalId },
        { path, headers: { cookie: reviewerCookie }, secret: item.externalId },
      ]),
      // An admin-only procedure, asked by a reviewer, alone or hidden in a batch.
      ...spellings("/api/trpc/users.list").map((path) => ({
        path,
        headers: { cookie: reviewerCookie },
        secret: ownerEmail,
      })),
      ...spellings("/api/trpc/users.me,users.list").map((path) => ({
        path: `${path}${path.includes("?") ? "&" : "?"}batch=1&input=%7B%7D`,
        headers: { cookie: reviewerCookie },
        secret: ownerEmail,
      })),
      // The review download is for owners and admins.
      ...spellings(`/api/monitoring/reviews/${workflow!.id}/2026-01?format=markdown`).map((path) => ({
        path,
        headers: { cookie: reviewerCookie },
        secret: "# ",
      })),
    ];
    const failures: string[] = [];
    for (const probe of probes) {
      const answer = await rawGet(baseURL!, probe.path, probe.headers);
      if (answer.status >= 500) failures.push(`${probe.path}: ${answer.status}`);
      else if (answer.status >= 200 && answer.status < 300 && answer.body.includes(probe.secret))
        failures.push(`${probe.path} with ${Object.keys(probe.headers).join(",") || "nothing"}: data`);
    }
    expect(failures).toEqual([]);
    // The probes can tell: the owner, through the front door, does get the item's data.
    expect(JSON.stringify(await trpcData(owner, "items.get", { itemId: item.id }))).toContain(
      item.externalId,
    );
    await owner.dispose();
    await reviewer.dispose();
  });

  test("a signed-in browser cannot be made to change anything from another site", async ({
    playwright,
    baseURL,
  }) => {
    const owner = await signedIn(playwright, baseURL!, "owner");
    const before = ((await trpcData(owner, "workflows.list")) as unknown[]).length;
    const attacks: Record<string, string>[] = [
      { origin: "https://evil.example", "content-type": "application/json" },
      // An HTML form can send text/plain across sites without a preflight.
      { origin: "https://evil.example", "content-type": "text/plain" },
      { origin: "null", "content-type": "text/plain" },
      { origin: baseURL!, "sec-fetch-site": "cross-site", "content-type": "application/json" },
    ];
    for (const headers of attacks) {
      const response = await owner.post("/api/trpc/workflows.create", {
        headers,
        data: JSON.stringify({ json: { name: "Planted by another site" } }),
      });
      expect(response.status(), JSON.stringify(headers)).toBe(403);
      expect((await response.json()).error.code).toBe("FORBIDDEN");
    }
    const upload = await owner.post("/datasets/upload?name=planted&mapping=null", {
      headers: { origin: "https://evil.example" },
      data: "a,b\n1,2\n",
    });
    expect(upload.status()).toBe(403);
    // A mutation over GET is never run.
    const overGet = await owner.get(
      `/api/trpc/workflows.create?input=${encodeURIComponent(JSON.stringify({ json: { name: "Planted by GET" } }))}`,
    );
    expect(overGet.status()).toBe(405);
    expect(((await trpcData(owner, "workflows.list")) as unknown[]).length).toBe(before);

    // The app's own pages still get through: a same-origin mutation reaches the procedure (which finds no
    // such task, so nothing changes).
    const own = await owner.post("/api/trpc/reviews.release", {
      headers: { origin: baseURL!, "content-type": "application/json" },
      data: JSON.stringify({ json: { taskId: "no-such-task" } }),
    });
    expect(own.status()).toBe(404);
    await owner.dispose();
  });
});
