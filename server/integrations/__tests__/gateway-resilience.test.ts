import { afterEach, describe, expect, it } from "vitest";
import type { ConnectorRequest } from "@/lib/engine/ports";
import { staticConnectorSource, type LoadedConnector } from "../connector-source";
import { HttpConnectorGateway } from "../http-gateway";
import { InProcessRateLimiter } from "../rate-limit/rate-limiter";
import {
  sendJson,
  startLoopbackServer,
  unusedPort,
  type Handler,
  type LoopbackServer,
} from "./support/loopback-server";
import { fakeTime, testConnector } from "./support/test-connectors";

const servers: LoopbackServer[] = [];
const gateways: HttpConnectorGateway[] = [];
afterEach(async () => {
  gateways.splice(0).forEach((gateway) => gateway.close());
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: Handler) {
  const server = await startLoopbackServer(handler);
  servers.push(server);
  return server;
}

function gatewayFor(
  loaded: LoadedConnector,
  time = fakeTime(),
  extra: { log?: (line: string) => void } = {},
) {
  const gateway = new HttpConnectorGateway({
    connectors: staticConnectorSource([loaded]),
    rateLimiter: new InProcessRateLimiter(time.now),
    now: time.now,
    sleep: time.sleep,
    random: () => 0.5,
    log: extra.log ?? (() => {}),
  });
  gateways.push(gateway);
  return gateway;
}

const readThing = (input: Record<string, unknown> = { id: "t1" }): ConnectorRequest => ({
  connectorId: "conn-test",
  operation: "get_thing",
  kind: "read",
  input,
  idempotencyKey: "run-1:node-1",
});

describe("HttpConnectorGateway: reads", () => {
  it("maps the response to the operation's output fields", async () => {
    const server = await serve((request, response) =>
      sendJson(response, 200, { thing: { name: `thing ${request.path}`, size: 3 } }),
    );
    const result = await gatewayFor(testConnector(server.url)).call(readThing({ id: "a b/c" }));
    expect(result).toEqual({ status: "ok", data: { name: "thing /things/a%20b%2Fc", size: 3 } });
  });

  it("waits as long as a 429's Retry-After says, then succeeds", async () => {
    let calls = 0;
    const server = await serve((_request, response) =>
      ++calls === 1
        ? sendJson(response, 429, { error: "slow down" }, { "retry-after": "2" })
        : sendJson(response, 200, { thing: { name: "x", size: 1 } }),
    );
    const time = fakeTime();
    const result = await gatewayFor(testConnector(server.url), time).call(readThing());
    expect(result.status).toBe("ok");
    expect(time.sleeps).toEqual([2000]);
    expect(server.requests).toHaveLength(2);
  });

  it("retries a 500 after an exponential backoff with jitter", async () => {
    let calls = 0;
    const server = await serve((_request, response) =>
      ++calls <= 2
        ? sendJson(response, 500, { error: "boom" })
        : sendJson(response, 200, { thing: { name: "x", size: 1 } }),
    );
    const time = fakeTime();
    const result = await gatewayFor(testConnector(server.url), time).call(readThing());
    expect(result.status).toBe("ok");
    // base 200 ms × 2^attempt, times the injected random 0.5
    expect(time.sleeps).toEqual([100, 200]);
  });

  it("reports unavailable with the last reason once retries are spent", async () => {
    const server = await serve((_request, response) => sendJson(response, 503, {}));
    const result = await gatewayFor(testConnector(server.url, { resilience: { maxRetries: 2 } })).call(
      readThing(),
    );
    expect(result).toMatchObject({ status: "unavailable", circuit: "closed" });
    expect(result.status === "unavailable" && result.reason).toContain("HTTP 503");
    expect(server.requests).toHaveLength(3);
  });

  it("gives up on a Retry-After longer than the gateway will wait, passing it on as retryAfterMs", async () => {
    const server = await serve((_request, response) =>
      sendJson(response, 429, {}, { "retry-after": "3600" }),
    );
    const time = fakeTime();
    const result = await gatewayFor(testConnector(server.url), time).call(readThing());
    expect(result).toMatchObject({ status: "unavailable", retryAfterMs: 3_600_000 });
    expect(time.sleeps).toEqual([]);
  });

  it("times out a call that gets no answer", async () => {
    const server = await serve(() => {
      /* never answers */
    });
    const result = await gatewayFor(
      testConnector(server.url, { resilience: { timeoutMs: 150, maxRetries: 1 } }),
    ).execute(readThing());
    expect(result).toMatchObject({ status: "unavailable", attempts: 2 });
    expect(result.status === "unavailable" && result.reason).toContain("No answer within 150 ms (timeout)");
    expect(result.latencyMs).toBeGreaterThanOrEqual(290);
  });

  it("reports a refused connection as unavailable after retrying", async () => {
    const port = await unusedPort();
    const time = fakeTime();
    const result = await gatewayFor(testConnector(`http://127.0.0.1:${port}`), time).call(readThing());
    expect(result.status).toBe("unavailable");
    expect(result.status === "unavailable" && result.reason).toContain("ECONNREFUSED");
    expect(time.sleeps).toHaveLength(3);
  });

  it("answers error, without retrying, for a 4xx other than 429", async () => {
    const server = await serve((_request, response) => sendJson(response, 404, { message: "no such thing" }));
    const result = await gatewayFor(testConnector(server.url)).call(readThing());
    expect(result).toEqual({
      status: "error",
      message: "Test API.get_thing: The system refused the request: HTTP 404 (no such thing).",
    });
    expect(server.requests).toHaveLength(1);
  });

  it("refuses calls the definition does not allow, before any traffic", async () => {
    const server = await serve((_request, response) => sendJson(response, 200, {}));
    const gateway = gatewayFor(testConnector(server.url));
    expect(await gateway.call({ ...readThing(), kind: "write" })).toMatchObject({
      status: "error",
      message: expect.stringContaining("is a read"),
    });
    expect(await gateway.call({ ...readThing(), operation: "nope" })).toMatchObject({
      status: "error",
      message: expect.stringContaining("no operation named nope"),
    });
    expect(await gateway.call(readThing({}))).toMatchObject({
      status: "error",
      message: expect.stringContaining("no value for input.id"),
    });
    const incomplete = gatewayFor(testConnector(server.url, { profile: { access: "api" } }));
    expect(await incomplete.call(readThing())).toMatchObject({
      status: "error",
      message: expect.stringContaining("profile is incomplete"),
    });
    expect(server.requests).toHaveLength(0);
  });
});

describe("HttpConnectorGateway: circuit breaker", () => {
  it("opens after consecutive failures, fails fast, half-opens after the cool-down and closes on success", async () => {
    let healthy = false;
    const server = await serve((_request, response) =>
      healthy ? sendJson(response, 200, { thing: { name: "back", size: 1 } }) : sendJson(response, 503, {}),
    );
    const time = fakeTime();
    const loaded = testConnector(server.url, {
      resilience: { maxRetries: 0, breakerFailureThreshold: 3, breakerCooldownMs: 10_000 },
    });
    const gateway = gatewayFor(loaded, time);

    for (let i = 0; i < 3; i++) expect((await gateway.call(readThing())).status).toBe("unavailable");
    expect(gateway.circuitState("conn-test")).toBe("open");

    const fastFail = await gateway.call(readThing());
    expect(fastFail).toMatchObject({ status: "unavailable", circuit: "open", retryAfterMs: 10_000 });
    expect(server.requests).toHaveLength(3);

    time.advance(10_000);
    expect(gateway.circuitState("conn-test")).toBe("half_open");
    // A failed probe opens it again for a new cool-down.
    expect((await gateway.call(readThing())).status).toBe("unavailable");
    expect(gateway.circuitState("conn-test")).toBe("open");

    time.advance(10_000);
    healthy = true;
    expect(await gateway.call(readThing())).toEqual({ status: "ok", data: { name: "back", size: 1 } });
    expect(gateway.circuitState("conn-test")).toBe("closed");
    expect(server.requests).toHaveLength(5);
  });

  it("stops retrying within a call once the circuit opens", async () => {
    const server = await serve((_request, response) => sendJson(response, 503, {}));
    const loaded = testConnector(server.url, {
      resilience: { maxRetries: 5, breakerFailureThreshold: 2, breakerCooldownMs: 5_000 },
    });
    const result = await gatewayFor(loaded).call(readThing());
    expect(result).toMatchObject({ status: "unavailable", circuit: "open", retryAfterMs: 5_000 });
    expect(server.requests).toHaveLength(2);
  });
});

describe("HttpConnectorGateway: writes", () => {
  it("retries a write with the same Idempotency-Key, and the server's ledger counts it once", async () => {
    const ledger = new Map<string, { id: string }>();
    let calls = 0;
    const server = await serve((request, response) => {
      calls++;
      const key = String(request.headers["idempotency-key"]);
      if (!ledger.has(key)) ledger.set(key, { id: `rec-${ledger.size + 1}` });
      // The first request is committed, but its answer is lost: the client sees a 502.
      if (calls === 1) return sendJson(response, 502, {});
      sendJson(response, 201, ledger.get(key));
    });
    const result = await gatewayFor(testConnector(server.url)).call({
      connectorId: "conn-test",
      operation: "put_thing",
      kind: "write",
      input: { name: "n", size: 2 },
      idempotencyKey: "run-7:node-3",
    });
    expect(result).toEqual({ status: "ok", data: { id: "rec-1" } });
    expect(server.requests.map((request) => request.headers["idempotency-key"])).toEqual([
      "run-7:node-3",
      "run-7:node-3",
    ]);
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ name: "n", size: 2 });
    expect(ledger.size).toBe(1);
  });

  it("never retries a write that has no idempotency key", async () => {
    const server = await serve((_request, response) => sendJson(response, 503, {}));
    const result = await gatewayFor(testConnector(server.url)).call({
      connectorId: "conn-test",
      operation: "put_thing",
      kind: "write",
      input: { name: "n", size: 1 },
      idempotencyKey: "",
    });
    expect(result.status).toBe("unavailable");
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers["idempotency-key"]).toBeUndefined();
  });
});
