import crypto from "node:crypto";
import { format } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "../../auth";
import type { Database } from "../../db/client";
import {
  backtestRuns,
  datasets,
  items,
  reviewTasks,
  user,
  workflows,
  workflowVersions,
} from "../../db/schema";
import { seedOnFirstStart } from "../../db/seed";
import { createUserWithPassword } from "../../db/seed/users";
import type { LoopbackServer } from "../../integrations/__tests__/support/loopback-server";
import { createLiveConnectorGateway } from "../../integrations/live-gateway";
import { appRouter } from "../../root";
import { createApiRateLimiter } from "../../services/ingest/http/authenticate";
import { getItem, postItems, postOutcome, type ApiDeps } from "../../services/ingest/http/item-handlers";
import { processItem } from "../../services/runs/process-item";
import { recordFigures } from "../../testing/reliability-figures";
import { openTestDatabase } from "../../testing/test-database";
import { createCallerFactory, type SessionUser } from "../../trpc";
import {
  CanaryBook,
  canaryConnectors,
  createCanaryConnectors,
  createCanaryWorkflow,
  startEchoingSystem,
  type CanaryConnector,
} from "./secrets-canary-world";

/*
 * Canary secrets — random strings found nowhere else — planted as every kind of connector credential, an
 * OAuth access token, an ingest API key, a model provider key and a user's password; then the app is used
 * (every tRPC query as admin, connector calls whose traces are stored, the /api/v1 handlers, sign-ins) while
 * everything it says is kept: responses, traces, log output, and a dump of every table. 0 hits allowed.
 */
process.env.BETTER_AUTH_SECRET ??= "test-secret-at-least-32-characters-long!!";

const book = new CanaryBook();
const plant = book.plant.bind(book);
const keep = book.keep.bind(book);

// Everything printed while the test runs, through console or straight to the streams.
const printed: string[] = [];
const restoreOutput: (() => void)[] = [];
function captureOutput() {
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      printed.push(format(...args));
      original(...args);
    };
    restoreOutput.push(() => (console[method] = original));
  }
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      printed.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return original(chunk, ...rest);
    }) as typeof stream.write;
    restoreOutput.push(() => (stream.write = original));
  }
}

const secrets = {
  apiKeyHeader: plant("ConnectorApiKeyHeader"),
  apiKeyQuery: plant("ConnectorApiKeyQuery"),
  bearer: plant("ConnectorBearer"),
  basicPassword: plant("ConnectorBasicPassword"),
  clientSecret: plant("ConnectorOAuthClientSecret"),
  accessToken: plant("OAuthAccessToken"),
  providerKey: plant("ModelProviderKey"),
  userPassword: plant("UserPassword"),
  wrongPassword: plant("WrongPassword"),
  bogusApiKey: plant("BogusApiKey", `sbk_CANARY${crypto.randomBytes(16).toString("hex")}`),
};
book.alsoAs("ConnectorBasicPassword", Buffer.from(`svc-user:${secrets.basicPassword}`).toString("base64"));
book.alsoAs("ConnectorOAuthClientSecret", Buffer.from(`client-1:${secrets.clientSecret}`).toString("base64"));

let database: Database;
let server: LoopbackServer;
let connectors: CanaryConnector[];
let admin: SessionUser;
const ids: Record<string, string> = {};
const createCaller = createCallerFactory(appRouter);
const asAdmin = () => createCaller({ db: database.db, user: admin });

function signIn(email: string, password: string) {
  const origin = "http://localhost:3000";
  return createAuth(database.db).handler(
    new Request(`${origin}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, "x-forwarded-for": "10.7.0.1" },
      body: JSON.stringify({ email, password }),
    }),
  );
}

async function keepResponse(name: string, response: Response) {
  keep(name, `${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`);
}

beforeAll(async () => {
  captureOutput();
  database = await openTestDatabase();
  await seedOnFirstStart(database.db, { demo: true, log: (line) => console.log(line) });
  const [row] = await database.db
    .select()
    .from(user)
    .where(sql`${user.role} = 'admin'`);
  admin = { id: row!.id, email: row!.email, name: row!.name, role: "admin" };
  server = await startEchoingSystem(secrets.accessToken);
  connectors = canaryConnectors(server.url, secrets);
}, 240_000);
afterAll(async () => {
  restoreOutput.forEach((restore) => restore());
  await server?.close();
  await database?.close();
});

describe("secrets canary", () => {
  it("the search finds a canary wherever it is hidden (the check can fail)", () => {
    for (const canary of book.canaries) {
      const leaked = [
        { name: "self-check", text: JSON.stringify({ deep: [`prefix ${canary.value} suffix`] }) },
      ];
      expect(book.hitsIn(leaked)).toEqual([`${canary.label} in self-check`]);
    }
    expect(
      book.hitsIn([{ name: "basic header", text: `Basic ${book.canaries[3]!.forms.at(-1)}` }]),
    ).toHaveLength(1);
    expect(book.hitsIn([{ name: "clean", text: "nothing secret here" }])).toEqual([]);
  });

  it("plants the canaries and uses every one of them", async () => {
    await createCanaryConnectors(asAdmin(), server.url, connectors, book);
    for (const connector of connectors) {
      const answer = await asAdmin().connectors.test({ connectorId: connector.id, operation: "lookup" });
      keep(`connectors.test ${connector.id}`, answer);
      // The system echoed the credential; the answer shows that it was there, redacted.
      expect(JSON.stringify(answer), connector.id).toContain("[redacted]");
    }

    ids.canaryWorkflowId = await createCanaryWorkflow(database.db, admin.id, connectors);
    const gateway = createLiveConnectorGateway(database);
    try {
      const processed = await processItem(
        database.db,
        {
          workflowId: ids.canaryWorkflowId,
          payload: { id: "c-1", text: "hello", at: "2026-11-26T09:00:00Z" },
        },
        { connectors: gateway },
      );
      ids.canaryItemId = processed.itemId;
      expect(processed.status).toBe("completed");
    } finally {
      gateway.close();
    }

    const provider = await asAdmin().modelProviders.create({
      name: "Canary provider",
      kind: "openai-compatible",
      baseUrl: `${server.url}/v1`,
      defaultModel: "canary-model",
      concurrency: 1,
      requestsPerMinute: 60,
      timeoutMs: 5_000,
      inputCostPerMillion: 0,
      outputCostPerMillion: 0,
      apiKey: secrets.providerKey,
    });
    ids.providerId = provider.id;
    const providerTest = await asAdmin().modelProviders.test({ providerId: provider.id });
    keep("modelProviders.test", providerTest);
    expect(providerTest.ok).toBe(false);

    const email = "canary-user@test.dev";
    await createUserWithPassword(database.db, {
      email,
      name: "Canary",
      role: "reviewer",
      password: secrets.userPassword,
    });
    await keepResponse("sign-in", await signIn(email, secrets.userPassword));
    await keepResponse("failed sign-in", await signIn(email, secrets.wrongPassword));

    // Every credential reached the system it belongs to: the test exercised the real paths.
    const received = JSON.stringify(
      server.requests.map((r) => [r.path, r.headers.authorization, r.headers["x-api-key"]]),
    );
    for (const value of [
      secrets.apiKeyHeader,
      secrets.apiKeyQuery,
      secrets.bearer,
      secrets.accessToken,
      secrets.providerKey,
    ])
      expect(received).toContain(value);
    for (const label of ["ConnectorBasicPassword", "ConnectorOAuthClientSecret"])
      expect(received).toContain(book.canaries.find((c) => c.label === label)!.forms.at(-1));
  });

  it("answers the public API without echoing a key", async () => {
    const created = await asAdmin().apiKeys.create({ name: "canary", workflowId: null });
    // The one sanctioned disclosure: the create answer shows the secret once. It is not searched.
    plant("IngestApiKey", created.secret);
    const deps: ApiDeps = { db: database.db, limiter: createApiRateLimiter(1000) };
    const [demo] = await database.db
      .select({ id: workflows.id })
      .from(workflows)
      .where(sql`${workflows.name} <> 'Canary'`);
    ids.workflowId = demo!.id;
    const call = (path: string, key: string, body?: unknown) =>
      new Request(`http://localhost:3000${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const ticket = {
      ticket_id: "CANARY-T1",
      subject: "Refund",
      body: "Charged twice",
      created_at: "2026-11-26T09:00:00Z",
    };
    const posted = await postItems(
      call(`/api/v1/workflows/${demo!.id}/items`, created.secret, ticket),
      demo!.id,
      deps,
    );
    const answer = (await posted.clone().json()) as { itemId?: string; accepted?: { itemId: string }[] };
    await keepResponse("POST /api/v1/workflows/:id/items", posted);
    const itemId = answer.itemId ?? answer.accepted?.[0]?.itemId ?? "unknown";
    await keepResponse(
      "GET /api/v1/items/:id",
      await getItem(call(`/api/v1/items/${itemId}`, created.secret), itemId, deps),
    );
    await keepResponse(
      "POST /api/v1/items/:id/outcome",
      await postOutcome(
        call(`/api/v1/items/${itemId}/outcome`, created.secret, { label: { team: "ops" } }),
        itemId,
        deps,
      ),
    );
    const refused = await postItems(
      call(`/api/v1/workflows/${demo!.id}/items`, secrets.bogusApiKey, ticket),
      demo!.id,
      deps,
    );
    expect(refused.status).toBe(401);
    await keepResponse("POST with an unknown key", refused);
  });

  it("finds no canary in any tRPC query answer, trace, log line or table", async () => {
    const db = database.db;
    const [task] = await db
      .select({ id: reviewTasks.id })
      .from(reviewTasks)
      .where(sql`${reviewTasks.status} = 'open'`);
    const runs = await db.select({ id: backtestRuns.id }).from(backtestRuns);
    const [dataset] = await db.select({ id: datasets.id }).from(datasets);
    const [version] = await db
      .select({ id: workflowVersions.id })
      .from(workflowVersions)
      .where(sql`${workflowVersions.workflowId} = ${ids.workflowId} and ${workflowVersions.published}`);
    const both = [ids.workflowId!, ids.canaryWorkflowId!];
    const perWorkflow = (extra: object = {}) => both.map((workflowId) => ({ workflowId, ...extra }));
    const [someItem] = await db
      .select({ id: items.id })
      .from(items)
      .where(sql`${items.workflowId} = ${ids.workflowId}`)
      .limit(1);
    const calibration = await db.execute(sql`select id from model_calibrations limit 1`);
    const calibrationId = (
      Array.isArray(calibration) ? calibration : (calibration as unknown as { rows: { id: string }[] }).rows
    )[0]?.id;

    /** Inputs per query; a query missing here that needs input fails the test, so a new one joins the search. */
    const inputs: Record<string, unknown[]> = {
      "workflows.get": perWorkflow(),
      "workflows.runTests": perWorkflow(),
      "workflows.export": perWorkflow(),
      "connectors.get": connectors.map((c) => ({ id: c.id })),
      "reviews.list": [undefined, {}],
      "reviews.get": [{ taskId: task!.id }],
      "reviews.similar": [{ taskId: task!.id }],
      "thresholds.get": perWorkflow(),
      "thresholds.inForce": perWorkflow(),
      "datasets.get": [{ datasetId: dataset!.id }],
      "backtests.screen": perWorkflow(),
      "backtests.versionInfo": [{ workflowId: ids.workflowId, versionId: version!.id }],
      "backtests.get": runs.map((r) => ({ runId: r.id })),
      "backtests.mismatches": runs.map((r) => ({ runId: r.id })),
      "backtests.mismatchPairs": runs.map((r) => ({ runId: r.id })),
      "backtests.sweep": runs.map((r) => ({ runId: r.id })),
      "backtests.compare": [{ leftRunId: runs[0]!.id, rightRunId: runs.at(-1)!.id }],
      "deadLetters.list": [undefined],
      "items.list": perWorkflow(),
      "items.get": [{ itemId: ids.canaryItemId }, { itemId: someItem!.id }],
      "items.uploadTarget": perWorkflow(),
      "lifecycle.overview": perWorkflow(),
      "lifecycle.history": perWorkflow(),
      "lifecycle.shadowReport": perWorkflow(),
      "monitoring.dashboard": perWorkflow({ days: 30, granularity: "day" }),
      "monitoring.settings": perWorkflow(),
      "monitoring.review": perWorkflow({ month: new Date().toISOString().slice(0, 7) }),
      "monitoring.alerts": [undefined],
      "modelProviders.recentCalls": [{ providerId: ids.providerId }],
      "modelProviders.calibrationRuns": perWorkflow({
        nodeId: "classify",
        providerId: ids.providerId,
        model: "canary-model",
      }),
      "knowledge.list": perWorkflow(),
      "audit.list": [undefined, { actor: "admin" }],
    };
    /** Queries no input can reach here, and why. */
    const impossible: Record<string, string> = calibrationId
      ? {}
      : { "modelProviders.calibration": "the demo workspace stores no calibration to read" };
    if (calibrationId) inputs["modelProviders.calibration"] = [{ calibrationId }];

    const procedures = appRouter._def.procedures as unknown as Record<
      string,
      { _def: { type: string; inputs: unknown[] } }
    >;
    const queries = Object.entries(procedures).filter(([, p]) => p._def.type === "query");
    const unreachable: string[] = [];
    const failed: string[] = [];
    let answered = 0;
    for (const [path, procedure] of queries) {
      if (impossible[path]) continue;
      const given = inputs[path] ?? (procedure._def.inputs.length === 0 ? [undefined] : null);
      if (!given) {
        unreachable.push(path);
        continue;
      }
      for (const input of given) {
        let target: unknown = asAdmin();
        for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
        try {
          keep(`trpc ${path}`, await (target as (input: unknown) => Promise<unknown>)(input));
          answered++;
        } catch (error) {
          failed.push(`${path}: ${(error as Error).message}`);
          keep(`trpc ${path} (error)`, `${(error as Error).message} ${String((error as Error).cause ?? "")}`);
        }
      }
    }
    console.log(
      `[secrets canary] ${answered} query answers searched; skipped: ${JSON.stringify(impossible)}; errors: ${JSON.stringify(failed)}`,
    );
    expect(unreachable, "queries that need an input added to this test").toEqual([]);
    expect(failed).toEqual([]);

    // Traces as stored, and every row of every table, as text.
    const tables = await database.runScript(
      "select table_schema as schema, table_name as name from information_schema.tables where table_type = 'BASE TABLE' and table_schema in ('public', 'pgboss', 'drizzle')",
    );
    expect(tables.rows.length).toBeGreaterThan(20);
    for (const { schema, name } of tables.rows as { schema: string; name: string }[]) {
      const dump = await database.runScript(`select t::text as row from "${schema}"."${name}" t`);
      keep(`table ${schema}.${name}`, dump.rows.map((r) => r.row).join("\n"));
    }
    const [stored] = await db
      .select({ trace: items.trace })
      .from(items)
      .where(sql`${items.id} = ${ids.canaryItemId}`);
    expect(JSON.stringify(stored?.trace)).toContain("[redacted]");

    keep("log output", printed.join("\n"));
    const hits = book.hitsIn();
    recordFigures({ secret_hits: hits.length });
    console.log(
      `[secrets canary] searched ${book.sources.length} sources (${Math.round(book.sources.reduce((n, s) => n + s.text.length, 0) / 1024)} KiB) for ${book.canaries.length} canaries`,
    );
    expect(hits).toEqual([]);
  });
});
