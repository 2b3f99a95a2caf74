import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { openTestDatabase } from "../../testing/test-database";
import { createConnector } from "../../services/connectors/manage-connectors";
import { databaseConnectorSource } from "../connector-source";
import { HttpConnectorGateway } from "../http-gateway";
import { createLiveConnectorGateway } from "../live-gateway";
import { DatabaseRateLimiter } from "../rate-limit/database-rate-limiter";
import { rateLimiterFor } from "../rate-limit/rate-limiter-for-database";
import { sendJson, startLoopbackServer, type LoopbackServer } from "./support/loopback-server";
import { COMPLETE_PROFILE, GET_THING, PUT_THING } from "./support/test-connectors";

process.env.SWITCHBOARD_SECRET_KEY ??= Buffer.alloc(32, 7).toString("base64");

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let server: LoopbackServer;

beforeAll(async () => {
  database = await openTestDatabase();
  server = await startLoopbackServer((request, response) =>
    request.headers.authorization === "Bearer db-token-123"
      ? sendJson(response, 200, { thing: { name: "from db", size: 9 } })
      : sendJson(response, 401, {}),
  );
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});

async function newConnector(name: string, rateLimit = COMPLETE_PROFILE.rateLimit) {
  const created = await createConnector(
    database.db,
    {
      definition: {
        name,
        baseUrl: server.url,
        auth: { method: "bearer" },
        operations: [GET_THING, PUT_THING],
        profile: { ...COMPLETE_PROFILE, rateLimit },
        allowedHosts: ["127.0.0.1"],
      },
      secrets: { token: "db-token-123" },
    },
    null,
  );
  return created.id;
}

const read = (connectorId: string) => ({
  connectorId,
  operation: "get_thing",
  kind: "read" as const,
  input: { id: "1" },
  idempotencyKey: "k",
});

describe("gateway over the database", () => {
  it("loads the connector and its decrypted secret", async () => {
    const id = await newConnector("Loaded");
    const gateway = createLiveConnectorGateway(database, { log: () => {} });
    expect(await gateway.call(read(id))).toEqual({ status: "ok", data: { name: "from db", size: 9 } });
    gateway.close();
  });

  it("reserves from the database bucket atomically: a burst, then one slot per 1/rate", async () => {
    const id = await newConnector("Bucket");
    const limiter = new DatabaseRateLimiter(database.db);
    const started = performance.now();
    const waits = await Promise.all(
      Array.from({ length: 6 }, () => limiter.reserve(id, { requestsPerSecond: 10, burst: 2 })),
    );
    const took = performance.now() - started;
    const sorted = [...waits].sort((a, b) => a - b);
    // Time passing while the statements run refills the bucket: it can shorten a wait by at most that time.
    const expected = [0, 0, 100, 200, 300, 400];
    sorted.forEach((wait, index) => {
      expect(wait).toBeLessThanOrEqual(expected[index]!);
      expect(wait).toBeGreaterThanOrEqual(expected[index]! - took - 1);
    });
    expect(new Set(sorted.slice(2)).size).toBe(4);
  });

  it("holds the rate limit across 4 gateways sharing the database", async () => {
    const rate = { requestsPerSecond: 20, burst: 2 };
    const id = await newConnector("Shared limit", rate);
    const before = server.requests.length;
    // Each as a separate worker would build it: on a Postgres server, its own connection pool and limiter
    // over the shared row; on embedded PGlite (one process), the process's one in-memory bucket.
    const workers = database.url
      ? await Promise.all(Array.from({ length: 4 }, () => openDatabase({ url: database.url })))
      : [];
    const gateways = Array.from({ length: 4 }, (_, index) => {
      const worker = workers[index] ?? database;
      return new HttpConnectorGateway({
        connectors: databaseConnectorSource(worker.db),
        rateLimiter: rateLimiterFor(worker),
        log: () => {},
      });
    });
    const started = performance.now();
    const results = await Promise.all(
      gateways.flatMap((gateway) => Array.from({ length: 8 }, () => gateway.call(read(id)))),
    );
    const elapsed = performance.now() - started;
    gateways.forEach((gateway) => gateway.close());
    await Promise.all(workers.map((worker) => worker.close()));

    expect(results.every((result) => result.status === "ok")).toBe(true);
    const times = server.requests.slice(before).map((request) => request.at);
    expect(times).toHaveLength(32);
    // In any one-second window: at most the rate plus the burst (plus 2 on a busy machine, where a caller
    // woken late sends next to the one after it). Unlimited, all 32 would arrive within the first second.
    const busiest = Math.max(
      ...times.map((start) => times.filter((t) => t >= start && t < start + 1000).length),
    );
    expect(busiest).toBeLessThanOrEqual(rate.requestsPerSecond + rate.burst + 2);
    expect(elapsed).toBeGreaterThanOrEqual(((32 - rate.burst) / rate.requestsPerSecond) * 1000 - 50);
  });
});
