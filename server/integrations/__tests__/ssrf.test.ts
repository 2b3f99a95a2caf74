import type dns from "node:dns";
import { afterEach, describe, expect, it } from "vitest";
import { staticConnectorSource } from "../connector-source";
import { HttpConnectorGateway } from "../http-gateway";
import { InProcessRateLimiter } from "../rate-limit/rate-limiter";
import { assertHostMayBeContacted, forbiddenAddressReason } from "../ssrf/address-policy";
import { guardedLookup } from "../ssrf/guarded-lookup";
import { sendJson, startLoopbackServer, type LoopbackServer } from "./support/loopback-server";
import { fakeTime, testConnector } from "./support/test-connectors";

const servers: LoopbackServer[] = [];
const gateways: HttpConnectorGateway[] = [];
afterEach(async () => {
  gateways.splice(0).forEach((gateway) => gateway.close());
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A resolver that answers from a table, so no test depends on (or sends traffic to) real DNS. */
function fakeResolver(table: Record<string, string>): typeof dns.lookup {
  return ((
    hostname: string,
    _options: unknown,
    callback: (error: Error | null, addresses: dns.LookupAddress[]) => void,
  ) => {
    const address = table[hostname];
    if (!address)
      return callback(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), []);
    callback(null, [{ address, family: address.includes(":") ? 6 : 4 }]);
  }) as unknown as typeof dns.lookup;
}

async function callAt(baseUrl: string, allowedHosts: string[], resolver?: typeof dns.lookup) {
  const time = fakeTime();
  const gateway = new HttpConnectorGateway({
    connectors: staticConnectorSource([
      testConnector(baseUrl, { allowedHosts, resilience: { maxRetries: 0, timeoutMs: 2_000 } }),
    ]),
    rateLimiter: new InProcessRateLimiter(time.now),
    now: time.now,
    sleep: time.sleep,
    log: () => {},
    ...(resolver ? { lookup: guardedLookup(resolver) } : {}),
  });
  gateways.push(gateway);
  return gateway.call({
    connectorId: "conn-test",
    operation: "get_thing",
    kind: "read",
    input: { id: "1" },
    idempotencyKey: "k",
  });
}

describe("address policy", () => {
  it.each([
    "127.0.0.1",
    "127.1.2.3",
    "::1",
    "169.254.169.254",
    "10.0.0.1",
    "172.16.5.4",
    "192.168.1.1",
    "0.0.0.0",
    "100.64.0.1",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "::ffff:127.0.0.1",
    "::ffff:a9fe:a9fe",
    "::",
    "224.0.0.1",
  ])("refuses %s", (address) => {
    expect(forbiddenAddressReason(address)).not.toBeNull();
  });

  it.each(["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])("allows the public address %s", (address) => {
    expect(forbiddenAddressReason(address)).toBeNull();
  });

  it("refuses local names and IP literals unless allowlisted", () => {
    expect(() => assertHostMayBeContacted("localhost", [])).toThrow(/names this machine/);
    expect(() => assertHostMayBeContacted("api.localhost", [])).toThrow(/names this machine/);
    expect(() => assertHostMayBeContacted("[::1]", [])).toThrow(/loopback/);
    expect(() => assertHostMayBeContacted("localhost", ["localhost"])).not.toThrow();
    expect(() => assertHostMayBeContacted("[::1]", ["::1"])).not.toThrow();
  });
});

describe("the gateway refuses private destinations before connecting", () => {
  it("refuses 127.0.0.1 unless allowlisted, and sends nothing", async () => {
    const server = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { thing: { name: "x", size: 1 } }),
    );
    servers.push(server);
    const refused = await callAt(server.url, []);
    expect(refused).toMatchObject({
      status: "error",
      message: expect.stringContaining("Refused to connect to 127.0.0.1"),
    });
    expect(server.requests).toHaveLength(0);

    expect(await callAt(server.url, ["127.0.0.1"])).toMatchObject({ status: "ok" });
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ["http://[::1]:9/", "loopback"],
    ["http://169.254.169.254/latest/meta-data", "link-local address (where cloud metadata services live)"],
    ["http://10.0.0.1/", "private-network"],
    ["http://[::ffff:127.0.0.1]:9/", "loopback"],
    ["http://2130706433:9/", "127.0.0.1: it is a loopback"],
  ])("refuses %s", async (baseUrl, reason) => {
    const result = await callAt(baseUrl, []);
    expect(result).toMatchObject({ status: "error", message: expect.stringContaining("Refused to connect") });
    expect(result.status === "error" && result.message).toContain(reason);
  });

  it("refuses localhost by name", async () => {
    const server = await startLoopbackServer((_request, response) => sendJson(response, 200, {}));
    servers.push(server);
    const result = await callAt(`http://localhost:${server.port}`, []);
    expect(result).toMatchObject({ status: "error", message: expect.stringContaining("names this machine") });
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a host name that resolves to loopback, checked at connection time", async () => {
    const server = await startLoopbackServer((_request, response) => sendJson(response, 200, {}));
    servers.push(server);
    const resolver = fakeResolver({ "crm.example.test": "127.0.0.1" });
    const result = await callAt(`http://crm.example.test:${server.port}`, [], resolver);
    expect(result).toMatchObject({
      status: "error",
      message: expect.stringContaining("resolves to 127.0.0.1 is a loopback address"),
    });
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ["a private address", "http://10.0.0.1/admin"],
    ["cloud metadata", "http://169.254.169.254/latest/meta-data/"],
    ["localhost", "http://localhost:1/"],
  ])("refuses a redirect to %s", async (_label, location) => {
    const server = await startLoopbackServer((_request, response) => {
      response.writeHead(302, { location });
      response.end();
    });
    servers.push(server);
    const result = await callAt(server.url, ["127.0.0.1"]);
    expect(result).toMatchObject({ status: "error", message: expect.stringContaining("Refused to connect") });
    expect(server.requests).toHaveLength(1);
  });

  it("follows a redirect to an allowed host", async () => {
    const target = await startLoopbackServer((_request, response) =>
      sendJson(response, 200, { thing: { name: "moved", size: 2 } }),
    );
    const origin = await startLoopbackServer((_request, response) => {
      response.writeHead(307, { location: `${target.url}/elsewhere` });
      response.end();
    });
    servers.push(target, origin);
    expect(await callAt(origin.url, ["127.0.0.1"])).toEqual({
      status: "ok",
      data: { name: "moved", size: 2 },
    });
    expect(target.requests[0]?.path).toBe("/elsewhere");
  });
});
