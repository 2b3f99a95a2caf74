import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import superjson from "superjson";
import { graphSchema, type GraphInput } from "@/lib/engine/graph/graph-schema";
import type { Db } from "../../db/client";
import { workflows } from "../../db/schema";
import type { ConnectorAuth, SecretName } from "../../integrations/connector-schema";
import { sendJson, startLoopbackServer } from "../../integrations/__tests__/support/loopback-server";
import type { appRouter } from "../../root";
import { createWorkflow } from "../../services/workflows/create-workflow";
import { publishVersion } from "../../services/workflows/publish-version";

/** The secrets canary test's world: the canaries and where they are searched for, and the systems using them. */

interface Canary {
  label: string;
  value: string;
  /** Every form the value may travel in (a Basic header is base64 of "user:secret"). */
  forms: string[];
}

/** Canaries planted, and everything the app said while the test ran, to search for them. */
export class CanaryBook {
  readonly canaries: Canary[] = [];
  readonly sources: { name: string; text: string }[] = [];

  plant(label: string, value = `CANARY${label}${crypto.randomBytes(12).toString("hex")}`): string {
    const hex = Buffer.from(value).toString("hex");
    // The tail too: a secret cut short in a preview still gives itself away.
    this.canaries.push({ label, value, forms: [value, encodeURIComponent(value), hex, value.slice(-20)] });
    return value;
  }

  alsoAs(label: string, derived: string): void {
    this.canaries.find((c) => c.label === label)!.forms.push(derived);
  }

  keep(name: string, value: unknown): void {
    this.sources.push({ name, text: typeof value === "string" ? value : superjson.stringify(value) });
  }

  hitsIn(haystacks: { name: string; text: string }[] = this.sources): string[] {
    const hits: string[] = [];
    for (const { name, text } of haystacks)
      for (const canary of this.canaries)
        if (canary.forms.some((form) => text.includes(form))) hits.push(`${canary.label} in ${name}`);
    return hits;
  }
}

/**
 * A system that echoes every credential it receives back in its answers — the worst case for leaks — and
 * issues an OAuth access token; under /v1/ it plays a model provider refusing the key, quoting it.
 */
export function startEchoingSystem(accessToken: string) {
  return startLoopbackServer((request, response) => {
    const echo = {
      authorization: request.headers.authorization ?? null,
      apiKey: request.headers["x-api-key"] ?? null,
      path: request.path,
      body: request.body,
    };
    if (request.path === "/oauth/token")
      return sendJson(response, 200, { access_token: accessToken, token_type: "bearer", expires_in: 3600 });
    if (request.path.startsWith("/v1/"))
      return sendJson(response, 401, {
        error: { message: `Incorrect API key: ${echo.authorization}`, type: "auth" },
      });
    sendJson(response, 200, { customer: { name: "Ann" }, echo });
  });
}

export interface CanaryConnector {
  id: string;
  auth: ConnectorAuth;
  secret: Partial<Record<SecretName, string>>;
}

/** One connector per way a credential is sent, each holding a canary. */
export function canaryConnectors(
  serverUrl: string,
  secrets: {
    apiKeyHeader: string;
    apiKeyQuery: string;
    bearer: string;
    basicPassword: string;
    clientSecret: string;
  },
): CanaryConnector[] {
  return [
    {
      id: "canary-api-key",
      auth: { method: "api_key", placement: "header", name: "X-Api-Key" },
      secret: { apiKey: secrets.apiKeyHeader },
    },
    {
      id: "canary-api-query",
      auth: { method: "api_key", placement: "query", name: "key" },
      secret: { apiKey: secrets.apiKeyQuery },
    },
    { id: "canary-bearer", auth: { method: "bearer" }, secret: { token: secrets.bearer } },
    {
      id: "canary-basic",
      auth: { method: "basic", username: "svc-user" },
      secret: { password: secrets.basicPassword },
    },
    {
      id: "canary-oauth",
      auth: {
        method: "oauth2_client_credentials",
        clientId: "client-1",
        tokenUrl: `${serverUrl}/oauth/token`,
        clientAuthentication: "basic",
      },
      secret: { clientSecret: secrets.clientSecret },
    },
  ];
}

type Caller = ReturnType<typeof appRouter.createCaller>;

/** Created the way an admin does, through tRPC; each operation maps the echoed credentials into its output. */
export async function createCanaryConnectors(
  admin: Caller,
  serverUrl: string,
  connectors: CanaryConnector[],
  book: CanaryBook,
) {
  for (const connector of connectors) {
    const created = await admin.connectors.create({
      id: connector.id,
      definition: {
        name: connector.id,
        baseUrl: serverUrl,
        auth: connector.auth,
        allowedHosts: ["127.0.0.1"],
        profile: {
          access: "api",
          dataExposed: "Customer records.",
          dataFormat: "json",
          rateLimit: { requestsPerSecond: 1000, burst: 1000 },
          latency: { p50Ms: 2, p95Ms: 10 },
          humanTasks: [],
          onUnavailable: { policy: "escalate" },
        },
        operations: [
          {
            name: "lookup",
            kind: "read",
            method: "GET",
            path: "/customers/{{input.id}}",
            responseMapping: {
              name: "customer.name",
              echoed: "echo.authorization",
              apiKey: "echo.apiKey",
              path: "echo.path",
            },
            sampleInput: { id: "c-1" },
          },
        ],
      },
      secrets: connector.secret,
    });
    book.keep(`connectors.create ${connector.id}`, created);
  }
}

/** trigger → each canary connector in turn → route, live: one item calls them all and its trace is stored. */
export async function createCanaryWorkflow(db: Db, adminId: string, connectors: CanaryConnector[]) {
  const steps = connectors.map((connector, index) => ({
    id: `call_${index}`,
    type: "connector",
    name: connector.id,
    position: { x: 200 * (index + 1), y: 0 },
    escalateUnconnected: ["error"],
    config: {
      connectorId: connector.id,
      operation: "lookup",
      kind: "read",
      input: { id: "item.id" },
      onUnavailable: "escalate",
    },
  }));
  const chain = ["trigger", ...steps.map((s) => s.id), "done"];
  const graph: GraphInput = {
    schemaVersion: 1,
    id: "canary",
    name: "Canary",
    settings: { escalationQueue: "triage" },
    nodes: [
      {
        id: "trigger",
        type: "trigger",
        name: "Item",
        position: { x: 0, y: 0 },
        config: {
          fields: [
            { name: "id", type: "string", required: true },
            { name: "text", type: "string", required: true },
            { name: "at", type: "date", required: true },
          ],
          textField: "text",
          idField: "id",
          occurredAtField: "at",
        },
      },
      ...steps,
      { id: "done", type: "route", name: "Route", position: { x: 1400, y: 0 }, config: { team: "ops" } },
    ],
    edges: chain.slice(1).map((target, i) => ({
      id: `e${i}`,
      source: chain[i]!,
      sourceHandle: i === 0 ? "out" : "ok",
      target,
    })),
  };
  const created = await createWorkflow(db, adminId, { name: "Canary", graph: graphSchema.parse(graph) });
  await publishVersion(db, adminId, { workflowId: created.id, versionId: created.versionId });
  await db
    .update(workflows)
    .set({ stage: "live", liveVersionId: created.versionId, canaryPercent: 100 })
    .where(eq(workflows.id, created.id));
  return created.id;
}
