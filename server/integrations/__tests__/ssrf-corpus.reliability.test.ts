import type dns from "node:dns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordFigures } from "../../testing/reliability-figures";
import { staticConnectorSource } from "../connector-source";
import { HttpConnectorGateway } from "../http-gateway";
import { InProcessRateLimiter } from "../rate-limit/rate-limiter";
import { guardedLookup } from "../ssrf/guarded-lookup";
import { sendJson, startLoopbackServer, type LoopbackServer } from "./support/loopback-server";
import { fakeTime, testConnector } from "./support/test-connectors";

/*
 * 100+ destinations a connector must not reach by default: every form of loopback, private, shared,
 * link-local and unique-local address, names that resolve to them, other schemes, and redirects inward.
 * A real server listens on loopback, so a miss would show as a request it received.
 */
let server: LoopbackServer;
let redirector: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer((_request, response) =>
    sendJson(response, 200, { thing: { name: "leak", size: 1 } }),
  );
  redirector = await startLoopbackServer((request, response) => {
    response.writeHead(302, { location: decodeURIComponent(request.path.slice("/go/".length)) });
    response.end();
  });
});
afterAll(async () => {
  await server.close();
  await redirector.close();
});

/** Names a hostile DNS answer points inward (no real DNS is asked). */
const INWARD_NAMES: Record<string, string> = {
  "loopback.example.test": "127.0.0.1",
  "v6-loopback.example.test": "::1",
  "metadata.example.test": "169.254.169.254",
  "private.example.test": "10.1.2.3",
  "router.example.test": "192.168.1.1",
  "cgnat.example.test": "100.100.100.100",
  "ula.example.test": "fd00::42",
  "mapped.example.test": "::ffff:127.0.0.1",
  "zero.example.test": "0.0.0.0",
};
const resolver = ((
  hostname: string,
  _options: unknown,
  callback: (e: Error | null, a: dns.LookupAddress[]) => void,
) => {
  const address = INWARD_NAMES[hostname];
  if (!address) return callback(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), []);
  callback(null, [{ address, family: address.includes(":") ? 6 : 4 }]);
}) as unknown as typeof dns.lookup;

function corpus(port: number): string[] {
  const hosts = [
    "127.0.0.1",
    "127.1",
    "127.0.1",
    "127.255.255.254",
    "2130706433",
    "0x7f000001",
    "0x7f.0.0.1",
    "0177.0.0.1",
    "017700000001",
    "0x7f.1",
    "[::1]",
    "[0:0:0:0:0:0:0:1]",
    "[::ffff:127.0.0.1]",
    "[::ffff:7f00:1]",
    "[0:0:0:0:0:ffff:127.0.0.1]",
    "localhost",
    "LOCALHOST",
    "api.localhost",
    "localhost.",
    "10.0.0.1",
    "10.255.255.254",
    "012.0.0.1",
    "0xa.0.0.1",
    "167772161",
    "172.16.0.1",
    "172.31.255.254",
    "192.168.0.1",
    "192.168.255.254",
    "3232235521",
    "100.64.0.1",
    "100.127.255.254",
    "169.254.169.254",
    "169.254.0.1",
    "[fe80::1]",
    "[fd00::1]",
    "[fc00::1]",
    "[fdff:ffff::1]",
    "0.0.0.0",
    "0",
    "[::]",
    "224.0.0.1",
    "255.255.255.255",
    "[::ffff:169.254.169.254]",
    "[::ffff:10.0.0.1]",
    "[64:ff9b::7f00:1]",
    "[2002:7f00:1::]",
    ...Object.keys(INWARD_NAMES),
  ];
  const urls = hosts.flatMap((host) => [`http://${host}:${port}`, `https://${host}:${port}/path`]);
  const schemes = [
    "file:///etc/passwd",
    "ftp://127.0.0.1/",
    "gopher://127.0.0.1:70/",
    "dict://127.0.0.1:11211/",
    "data:text/plain,hello",
    "javascript:alert(1)",
    "ws://127.0.0.1/",
    "ldap://127.0.0.1/",
  ];
  const redirects = [
    "http://127.0.0.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/",
    "http://10.0.0.1/",
  ].map((target) => `http://localhost:${redirector.port}/go/${encodeURIComponent(target)}`);
  return [...urls, ...schemes, ...redirects];
}

async function call(baseUrl: string) {
  const time = fakeTime();
  // Only the redirector's name is allowlisted (so its 302 is followed, and the target checked); nothing else.
  const allowed = baseUrl.startsWith(`http://localhost:${redirector.port}/`) ? ["localhost"] : [];
  const gateway = new HttpConnectorGateway({
    connectors: staticConnectorSource([
      testConnector(baseUrl, { allowedHosts: allowed, resilience: { maxRetries: 0, timeoutMs: 2_000 } }),
    ]),
    rateLimiter: new InProcessRateLimiter(time.now),
    now: time.now,
    sleep: time.sleep,
    log: () => {},
    lookup: guardedLookup(resolver),
  });
  try {
    return await gateway.call({
      connectorId: "conn-test",
      operation: "get_thing",
      kind: "read",
      input: { id: "1" },
      idempotencyKey: "k",
    });
  } finally {
    gateway.close();
  }
}

describe("SSRF corpus", () => {
  it("refuses every inward destination by default, before any request reaches it", async () => {
    const urls = corpus(server.port);
    const allowed: string[] = [];
    const notRefused: string[] = [];
    for (const url of urls) {
      const result = await call(url);
      if (result.status === "ok") allowed.push(url);
      // Refused for the reason that matters, not failing some other way by luck.
      else if (!/Refused to connect|Only http and https are allowed/.test(JSON.stringify(result)))
        notRefused.push(`${url} → ${JSON.stringify(result)}`);
    }
    console.log(notRefused.join("\n"));
    recordFigures({ ssrf_urls: urls.length, ssrf_allowed: allowed.length + server.requests.length });
    expect(urls.length).toBeGreaterThanOrEqual(100);
    expect(allowed).toEqual([]);
    expect(notRefused).toEqual([]);
    expect(server.requests).toHaveLength(0);
    // The redirects were followed as far as the redirector, and refused at their inward target.
    expect(redirector.requests).toHaveLength(4);
  });
});
