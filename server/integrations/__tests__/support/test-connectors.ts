import type { ConnectorOperation, ConnectorRecord } from "../../connector-schema";
import type { LoadedConnector } from "../../connector-source";
import type { IntegrationProfile } from "../../profile-schema";

export const COMPLETE_PROFILE: IntegrationProfile = {
  access: "api",
  dataExposed: "Things",
  dataFormat: "json",
  rateLimit: { requestsPerSecond: 1000, burst: 1000 },
  latency: { p50Ms: 20, p95Ms: 100 },
  humanTasks: [],
  onUnavailable: { policy: "escalate" },
};

export const GET_THING: ConnectorOperation = {
  name: "get_thing",
  description: "",
  kind: "read",
  method: "GET",
  path: "/things/{{input.id}}",
  responseMapping: { name: "thing.name", size: "thing.size" },
  sampleInput: { id: "t1" },
};

export const PUT_THING: ConnectorOperation = {
  name: "put_thing",
  description: "",
  kind: "write",
  method: "POST",
  path: "/things",
  bodyTemplate: { name: "{{input.name}}", size: "{{input.size}}" },
  responseMapping: { id: "id" },
  sampleInput: {},
};

/** A connector to a loopback test server, allowlisted, with a complete profile; override what a test needs. */
export function testConnector(
  baseUrl: string,
  overrides: Partial<ConnectorRecord> = {},
  secrets: Record<string, string> = {},
): LoadedConnector {
  const connector: ConnectorRecord = {
    id: overrides.id ?? "conn-test",
    name: "Test API",
    description: "",
    baseUrl,
    auth: { method: "none" },
    defaultHeaders: {},
    operations: [GET_THING, PUT_THING],
    profile: COMPLETE_PROFILE,
    resilience: { maxRetries: 3 },
    allowedHosts: ["127.0.0.1"],
    updatedAt: new Date(0),
    ...overrides,
  };
  return { connector, secrets, secretsVersion: "v1" };
}

/** A clock the test moves by hand; `sleep` advances it instead of waiting, and records each wait. */
export function fakeTime(start = 1_000_000) {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}
