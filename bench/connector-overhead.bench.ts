/**
 * connector.overhead: what the connector layer (auth, rate limiter set high, circuit breaker, templates,
 * SSRF checks, response mapping, redaction) costs per call over a raw fetch of the same URL, against the
 * same loopback server. Sequential calls, raw and gateway blocks interleaved, medians of several rounds.
 *
 * The gateway sends with node:http (it needs the `lookup` hook to pin connections to SSRF-checked
 * addresses), which is faster than fetch (undici) on loopback; so a second baseline, a bare node:http GET
 * over the same kind of keep-alive agent, isolates what the layer itself adds.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { staticConnectorSource } from "../server/integrations/connector-source";
import { HttpConnectorGateway } from "../server/integrations/http-gateway";
import { InProcessRateLimiter } from "../server/integrations/rate-limit/rate-limiter";
import { median, round } from "./measure";

const CALLS_PER_BLOCK = 300;
const ROUNDS = 7;
const WARM_UP = 300;
const TOKEN = "bench-token-0123456789";

export async function run(): Promise<Record<string, unknown>> {
  const body = JSON.stringify({
    customer: {
      id: "C-1",
      name: "Grace Hopper",
      email: "grace@example.com",
      tier: "enterprise",
      openTickets: 2,
    },
  });
  const server = http.createServer((request, response) => {
    if (request.headers.authorization !== undefined && request.headers.authorization !== `Bearer ${TOKEN}`) {
      response.writeHead(401).end();
      return;
    }
    response.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    });
    response.end(body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const gateway = new HttpConnectorGateway({
    connectors: staticConnectorSource([
      {
        connector: {
          id: "bench",
          name: "Bench CRM",
          description: "",
          baseUrl,
          auth: { method: "bearer" },
          defaultHeaders: {},
          operations: [
            {
              name: "get_customer",
              description: "",
              kind: "read",
              method: "GET",
              path: "/customers/{{input.id}}",
              responseMapping: { name: "customer.name", email: "customer.email", tier: "customer.tier" },
              sampleInput: {},
            },
          ],
          profile: {
            access: "api",
            dataExposed: "customers",
            dataFormat: "json",
            rateLimit: { requestsPerSecond: 1_000_000, burst: 1_000_000 },
            latency: { p50Ms: 1, p95Ms: 5 },
            humanTasks: [],
            onUnavailable: { policy: "escalate" },
          },
          resilience: {},
          allowedHosts: ["127.0.0.1"],
          updatedAt: new Date(0),
        },
        secrets: { token: TOKEN },
        secretsVersion: "bench",
      },
    ]),
    rateLimiter: new InProcessRateLimiter(),
    log: () => {},
  });

  const rawCall = async (id: number) => {
    const response = await fetch(`${baseUrl}/customers/C-${id}`, {
      headers: { accept: "application/json", authorization: `Bearer ${TOKEN}` },
    });
    const json = (await response.json()) as { customer: Record<string, unknown> };
    return { name: json.customer.name, email: json.customer.email, tier: json.customer.tier };
  };
  const agent = new http.Agent({ keepAlive: true });
  const rawHttpCall = (id: number) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const request = http.get(
        `${baseUrl}/customers/C-${id}`,
        { agent, headers: { accept: "application/json", authorization: `Bearer ${TOKEN}` } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const json = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
              customer: Record<string, unknown>;
            };
            resolve({ name: json.customer.name, email: json.customer.email, tier: json.customer.tier });
          });
          response.on("error", reject);
        },
      );
      request.on("error", reject);
    });
  const connectorCall = async (id: number) => {
    const result = await gateway.call({
      connectorId: "bench",
      operation: "get_customer",
      kind: "read",
      input: { id: `C-${id}` },
      idempotencyKey: "",
    });
    if (result.status !== "ok") throw new Error(`connector call failed: ${JSON.stringify(result)}`);
    return result.data;
  };
  const block = async (call: (id: number) => Promise<unknown>, count: number) => {
    const started = performance.now();
    for (let i = 0; i < count; i++) await call(i);
    return (performance.now() - started) / count;
  };

  try {
    // Same answer from both, or the comparison means nothing.
    if (JSON.stringify(await rawCall(1)) !== JSON.stringify(await connectorCall(1)))
      throw new Error("raw and connector outputs differ");
    const contestants = [
      { call: rawCall, times: [] as number[] },
      { call: rawHttpCall, times: [] as number[] },
      { call: connectorCall, times: [] as number[] },
    ];
    for (const contestant of contestants) await block(contestant.call, WARM_UP);
    for (let roundIndex = 0; roundIndex < ROUNDS; roundIndex++) {
      // Rotate who goes first, so none always runs on a warmer (or busier) machine.
      for (let offset = 0; offset < contestants.length; offset++) {
        const contestant = contestants[(roundIndex + offset) % contestants.length]!;
        contestant.times.push(await block(contestant.call, CALLS_PER_BLOCK));
      }
    }
    const [rawMs, rawHttpMs, connectorMs] = contestants.map((contestant) => median(contestant.times)) as [
      number,
      number,
      number,
    ];
    return {
      bench: "connector.overhead",
      calls: CALLS_PER_BLOCK * ROUNDS * contestants.length,
      raw_ms_per_call: round(rawMs, 3),
      connector_ms_per_call: round(connectorMs, 3),
      ratio: round(connectorMs / rawMs, 3),
      raw_node_http_ms_per_call: round(rawHttpMs, 3),
      ratio_vs_node_http: round(connectorMs / rawHttpMs, 3),
    };
  } finally {
    gateway.close();
    agent.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
