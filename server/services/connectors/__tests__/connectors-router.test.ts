import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/roles";
import {
  sendJson,
  startLoopbackServer,
  type LoopbackServer,
} from "../../../integrations/__tests__/support/loopback-server";
import {
  COMPLETE_PROFILE,
  GET_THING,
  PUT_THING,
} from "../../../integrations/__tests__/support/test-connectors";
import type { ConnectorDefinitionInput } from "../../../integrations/connector-schema";
import { user } from "../../../db/schema";
import { connectorsRouter } from "../../../routers/connectors";
import { openTestDatabase } from "../../../testing/test-database";
import { createCallerFactory, router } from "../../../trpc";
import { seedDemoConnectors } from "../demo";
import { handleDemoCrm } from "../demo-crm-api";

process.env.SWITCHBOARD_SECRET_KEY ??= Buffer.alloc(32, 9).toString("hex");

const SECRET = "sk-live-ROUTER-SECRET-7781";
let database: Awaited<ReturnType<typeof openTestDatabase>>;
let api: LoopbackServer;
const captured: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  await database.db.insert(user).values(
    (["admin", "owner", "reviewer"] as const).map((role) => ({
      id: `${role}-1`,
      name: role,
      email: `${role}@x.test`,
      role,
    })),
  );
  api = await startLoopbackServer((request, response) => {
    const auth = String(request.headers.authorization);
    // A careless API that echoes credentials back, in successes and failures alike.
    if (request.path.startsWith("/things/fail")) return sendJson(response, 500, { message: auth });
    if (request.path.startsWith("/things/deny"))
      return sendJson(response, 403, { message: `${auth} may not` });
    if (auth !== `Bearer ${SECRET}`) return sendJson(response, 401, { error: "no" });
    sendJson(response, 200, { thing: { name: `echo ${auth}`, size: 4 } });
  });
  // Everything written to the console or the process's streams, to prove no secret is ever logged.
  const capture = (chunk: unknown) => {
    captured.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(capture);
  vi.spyOn(process.stderr, "write").mockImplementation(capture);
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation(
      (...args: unknown[]) => void captured.push(args.map(String).join(" ")),
    );
  }
});
afterAll(async () => {
  vi.restoreAllMocks();
  await api?.close();
  await database?.close();
});

const createCaller = createCallerFactory(router({ connectors: connectorsRouter }));
const callerAs = (role: Role) =>
  createCaller({ db: database.db, user: { id: `${role}-1`, email: `${role}@x.test`, name: role, role } })
    .connectors;

function definition(
  name: string,
  overrides: Partial<ConnectorDefinitionInput> = {},
): ConnectorDefinitionInput {
  return {
    name,
    baseUrl: api.url,
    auth: { method: "bearer" },
    operations: [GET_THING, PUT_THING],
    profile: COMPLETE_PROFILE,
    allowedHosts: ["127.0.0.1"],
    ...overrides,
  };
}

describe("connectors router", () => {
  it("lets only admins manage connectors, and owners list them", async () => {
    const admin = callerAs("admin");
    await admin.create({ definition: definition("Roles"), secrets: { token: SECRET } });
    await expect(callerAs("owner").create({ definition: definition("Nope") })).rejects.toThrow(
      "Your role does not allow this action.",
    );
    await expect(callerAs("reviewer").list()).rejects.toThrow("Your role does not allow this action.");
    const listed = await callerAs("owner").list();
    expect(listed.find((connector) => connector.name === "Roles")).toMatchObject({
      completeness: { complete: true, missing: [] },
      operations: [
        { name: "get_thing", kind: "read", inputs: ["id"], outputs: ["name", "size"] },
        { name: "put_thing", kind: "write", inputs: ["name", "size"], outputs: ["id"] },
      ],
    });
  });

  it("never returns a secret: create, get, list, update, setSecret and test answer only its status", async () => {
    const admin = callerAs("admin");
    const created = await admin.create({ definition: definition("Secretive"), secrets: { token: SECRET } });
    expect(created.secrets.token).toEqual({ set: true, updatedAt: expect.any(Date) });

    const responses: unknown[] = [created];
    responses.push(await admin.get({ id: created.id }));
    responses.push(await admin.list());
    responses.push(
      await admin.update({
        id: created.id,
        definition: definition("Secretive", { description: "edited" }),
        expectedUpdatedAt: created.updatedAt,
      }),
    );
    responses.push(await admin.setSecret({ connectorId: created.id, name: "token", value: SECRET }));
    const ok = await admin.test({ connectorId: created.id, operation: "get_thing" });
    expect(ok).toMatchObject({ status: "ok", httpStatus: 200, output: { name: "echo [redacted]", size: 4 } });
    expect(ok.latencyMs).toBeGreaterThanOrEqual(0);
    responses.push(ok);
    const failed = await admin.test({
      connectorId: created.id,
      operation: "get_thing",
      input: { id: "fail" },
    });
    expect(failed).toMatchObject({
      status: "unavailable",
      httpStatus: 500,
      error: expect.stringContaining("HTTP 500"),
    });
    responses.push(failed);
    const denied = await admin.test({
      connectorId: created.id,
      operation: "get_thing",
      input: { id: "deny" },
    });
    expect(denied).toMatchObject({
      status: "error",
      httpStatus: 403,
      error: expect.stringContaining("[redacted] may not"),
    });
    responses.push(denied);

    // The secret survived an update that did not mention it.
    expect((await admin.get({ id: created.id })).secrets.token?.set).toBe(true);
    expect(JSON.stringify(responses)).not.toContain(SECRET);
    expect(captured.join("\n")).not.toContain(SECRET);
  });

  it("explains conflicts and invalid definitions in sentences", async () => {
    const admin = callerAs("admin");
    const first = await admin.create({ definition: definition("Twice") });
    await expect(admin.create({ definition: definition("Twice") })).rejects.toThrow(
      "A connector named Twice, or with the same id, already exists: choose another.",
    );
    await expect(
      admin.create({ definition: definition("Headers", { defaultHeaders: { Authorization: "Bearer x" } }) }),
    ).rejects.toThrow(/put credentials in the authentication section/);
    await expect(
      admin.create({ definition: definition("Bad URL", { baseUrl: "https://" }) }),
    ).rejects.toThrow("The base URL must be an http:// or https:// address.");
    await expect(
      admin.update({ id: first.id, definition: definition("Twice"), expectedUpdatedAt: new Date(0) }),
    ).rejects.toThrow(/Someone else changed/);
    await expect(
      admin.setSecret({ connectorId: first.id, name: "apiKey", value: "x-value" }),
    ).rejects.toThrow("This connector authenticates with a bearer token, not a API key.");
  });

  it("makes readable ids from names, unique, or takes the one given", async () => {
    const admin = callerAs("admin");
    expect((await admin.create({ definition: definition("Billing API (EU)") })).id).toBe("billing-api-eu");
    expect((await admin.create({ id: "billing-api-eu-2", definition: definition("Other billing") })).id).toBe(
      "billing-api-eu-2",
    );
    expect((await admin.create({ definition: definition("Billing API: EU") })).id).toBe("billing-api-eu-3");
    await expect(admin.create({ id: "Not Valid", definition: definition("Bad id") })).rejects.toThrow(
      /lower-case/,
    );
  });

  it("shows an incomplete profile's open questions and a missing secret", async () => {
    const admin = callerAs("admin");
    const created = await admin.create({ definition: definition("Draft", { profile: { access: "api" } }) });
    expect(created.completeness.missing).toContain("the bearer token (auth secret)");
    expect(created.completeness.missing).toContain("rate limit (requests per second and burst)");
  });

  it("deletes a connector with its secrets", async () => {
    const admin = callerAs("admin");
    const created = await admin.create({ definition: definition("Doomed"), secrets: { token: SECRET } });
    await admin.delete({ id: created.id });
    await expect(admin.get({ id: created.id })).rejects.toThrow("That connector no longer exists.");
  });
});

describe("demo CRM", () => {
  it("seeds a complete connector once, whose operations work against the demo API", async () => {
    const server = http.createServer(async (incoming, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
      const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
      const request = new Request(url, {
        method: incoming.method,
        headers: incoming.headers as Record<string, string>,
        body: incoming.method === "GET" ? undefined : Buffer.concat(chunks),
      });
      const answer = await handleDemoCrm(request, url.pathname.split("/").filter(Boolean).slice(3));
      response.writeHead(answer.status, { "content-type": "application/json" });
      response.end(await answer.text());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/demo/crm`;
    try {
      const { connectorId } = await seedDemoConnectors(database.db, { baseUrl });
      expect(connectorId).toBe("crm");
      expect(await seedDemoConnectors(database.db, { baseUrl })).toEqual({ connectorId });

      const admin = callerAs("admin");
      const crm = await admin.get({ id: connectorId });
      expect(crm.completeness).toEqual({ complete: true, missing: [] });
      expect(await admin.test({ connectorId, operation: "get_customer" })).toMatchObject({
        status: "ok",
        output: { customerId: "C-1001", name: "Grace Hopper", plan: "enterprise", vip: true },
      });
      const unknown = await admin.test({
        connectorId,
        operation: "get_customer",
        input: { email: "t-17@example.com" },
      });
      expect(unknown).toMatchObject({ status: "ok", output: { plan: "pro", vip: false } });
      expect(await admin.test({ connectorId, operation: "add_note" })).toMatchObject({
        status: "ok",
        output: { noteId: expect.stringMatching(/^N-/) },
      });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
