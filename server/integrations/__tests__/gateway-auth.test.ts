import { afterEach, describe, expect, it } from "vitest";
import type { ConnectorAuth } from "../connector-schema";
import { staticConnectorSource, type LoadedConnector } from "../connector-source";
import { HttpConnectorGateway } from "../http-gateway";
import { InProcessRateLimiter } from "../rate-limit/rate-limiter";
import { sendJson, startLoopbackServer, type Handler, type LoopbackServer } from "./support/loopback-server";
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

function gatewayFor(loaded: LoadedConnector, time = fakeTime(), log: (line: string) => void = () => {}) {
  const gateway = new HttpConnectorGateway({
    connectors: staticConnectorSource([loaded]),
    rateLimiter: new InProcessRateLimiter(time.now),
    now: time.now,
    sleep: time.sleep,
    random: () => 0,
    log,
  });
  gateways.push(gateway);
  return gateway;
}

const read = {
  connectorId: "conn-test",
  operation: "get_thing",
  kind: "read",
  input: { id: "1" },
  idempotencyKey: "k",
} as const;

describe("authentication", () => {
  it.each<
    [
      string,
      ConnectorAuth,
      Record<string, string>,
      (path: string, headers: Record<string, unknown>) => boolean,
    ]
  >([
    [
      "an API key header",
      { method: "api_key", placement: "header", name: "X-Api-Key" },
      { apiKey: "key-123456" },
      (_p, h) => h["x-api-key"] === "key-123456",
    ],
    [
      "an API key in the query",
      { method: "api_key", placement: "query", name: "api_key" },
      { apiKey: "key-123456" },
      (p) => p === "/things/1?api_key=key-123456",
    ],
    [
      "a bearer token",
      { method: "bearer" },
      { token: "tok-abcdef" },
      (_p, h) => h.authorization === "Bearer tok-abcdef",
    ],
    [
      "basic auth",
      { method: "basic", username: "ada" },
      { password: "pw-secret" },
      (_p, h) => h.authorization === `Basic ${Buffer.from("ada:pw-secret").toString("base64")}`,
    ],
  ])("sends %s", async (_label, auth, secrets, accepted) => {
    const server = await serve((request, response) =>
      accepted(request.path, request.headers)
        ? sendJson(response, 200, { thing: { name: "ok", size: 1 } })
        : sendJson(response, 401, {}),
    );
    expect(await gatewayFor(testConnector(server.url, { auth }, secrets)).call(read)).toMatchObject({
      status: "ok",
    });
  });

  it("reports a missing secret in plain words without calling", async () => {
    const server = await serve((_request, response) => sendJson(response, 200, {}));
    const result = await gatewayFor(testConnector(server.url, { auth: { method: "bearer" } })).call(read);
    expect(result).toMatchObject({
      status: "error",
      message: expect.stringContaining("profile is incomplete (missing: the bearer token (auth secret))"),
    });
    expect(server.requests).toHaveLength(0);
  });
});

describe("OAuth2 client credentials", () => {
  async function oauthServer() {
    let issued = 0;
    let valid: string | null = null;
    const server = await serve((request, response) => {
      if (request.path === "/oauth/token") {
        const expected = `Basic ${Buffer.from("client-1:client-secret-xyz").toString("base64")}`;
        if (
          request.headers.authorization !== expected ||
          !request.body.includes("grant_type=client_credentials")
        ) {
          return sendJson(response, 401, { error: "invalid_client" });
        }
        valid = `access-${++issued}`;
        return sendJson(response, 200, { access_token: valid, token_type: "Bearer", expires_in: 600 });
      }
      if (request.headers.authorization !== `Bearer ${valid}`)
        return sendJson(response, 401, { error: "invalid_token" });
      sendJson(response, 200, { thing: { name: `seen ${valid}`, size: 1 } });
    });
    const revoke = () => {
      valid = "revoked";
    };
    const auth: ConnectorAuth = {
      method: "oauth2_client_credentials",
      tokenUrl: `${server.url}/oauth/token`,
      clientId: "client-1",
      clientAuthentication: "basic",
    };
    const tokenRequests = () => server.requests.filter((request) => request.path === "/oauth/token").length;
    return { server, auth, revoke, tokenRequests };
  }

  it("fetches a token once, caches it, and refreshes it once on a 401", async () => {
    const { server, auth, revoke, tokenRequests } = await oauthServer();
    const gateway = gatewayFor(testConnector(server.url, { auth }, { clientSecret: "client-secret-xyz" }));

    expect(await gateway.call(read)).toEqual({ status: "ok", data: { name: "seen [redacted]", size: 1 } });
    expect(await gateway.call(read)).toMatchObject({ status: "ok" });
    expect(tokenRequests()).toBe(1);

    revoke();
    expect(await gateway.call(read)).toMatchObject({ status: "ok" });
    expect(tokenRequests()).toBe(2);
  });

  it("fetches a new token when the cached one expires", async () => {
    const { server, auth, tokenRequests } = await oauthServer();
    const time = fakeTime();
    const gateway = gatewayFor(
      testConnector(server.url, { auth }, { clientSecret: "client-secret-xyz" }),
      time,
    );
    await gateway.call(read);
    time.advance(600_000);
    await gateway.call(read);
    expect(tokenRequests()).toBe(2);
  });

  it("reports refused client credentials as an error naming the OAuth error", async () => {
    const { server, auth } = await oauthServer();
    const result = await gatewayFor(
      testConnector(server.url, { auth }, { clientSecret: "wrong-secret" }),
    ).call(read);
    expect(result).toEqual({
      status: "error",
      message:
        "Test API.get_thing: The token endpoint refused the client credentials (HTTP 401: invalid_client).",
    });
  });
});

describe("secrets stay out of results and logs", () => {
  it("redacts a secret the system echoes, in data, errors and log lines", async () => {
    const secret = "sk-live-VERY-SECRET-0042";
    let mode: "echo" | "refuse" | "fail" = "echo";
    const server = await serve((request, response) => {
      const token = String(request.headers.authorization);
      if (mode === "echo")
        return sendJson(response, 200, { thing: { name: token, size: 1 }, [secret]: secret });
      if (mode === "refuse") return sendJson(response, 403, { message: `token ${token} is not allowed` });
      sendJson(response, 500, { message: token });
    });
    const lines: string[] = [];
    const loaded = testConnector(
      server.url,
      {
        auth: { method: "bearer" },
        operations: [{ ...testConnector("").connector.operations[0]!, responseMapping: {} }],
      },
      { token: secret },
    );
    const gateway = gatewayFor(loaded, fakeTime(), (line) => lines.push(line));

    const echoed = await gateway.call(read);
    mode = "refuse";
    const refused = await gateway.call(read);
    mode = "fail";
    const failed = await gateway.call(read);

    const everything = JSON.stringify([echoed, refused, failed, lines]);
    expect(everything).not.toContain(secret);
    expect(everything).toContain("[redacted]");
    expect(lines.length).toBeGreaterThan(0);
  });
});
