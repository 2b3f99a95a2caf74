import type {
  ConnectorDefinitionInput,
  ConnectorOperation,
  SecretName,
} from "@/server/integrations/connector-schema";
import { SECRET_NAME_BY_METHOD, type AuthMethod } from "@/server/integrations/connector-schema";
import type { ConnectorDetails } from "@/server/services/connectors/manage-connectors";

/**
 * The admin form's state: text where the user types (numbers, JSON, one-per-line lists), converted to a
 * connector definition on save. The server validates again with the same zod schema and has the last word.
 */

export interface OperationDraft {
  /** Stable React key; operations can be renamed. */
  key: string;
  name: string;
  description: string;
  kind: "read" | "write";
  method: ConnectorOperation["method"];
  path: string;
  bodyTemplate: string;
  responseMapping: string;
  sampleInput: string;
}

export interface ConnectorDraft {
  /** Chosen once, at creation; blank makes one from the name. */
  id: string;
  name: string;
  description: string;
  baseUrl: string;
  allowedHosts: string;
  defaultHeaders: string;
  auth: {
    method: AuthMethod;
    placement: "header" | "query";
    keyName: string;
    username: string;
    tokenUrl: string;
    clientId: string;
    scope: string;
    clientAuthentication: "basic" | "body";
  };
  /** A new value for the auth method's secret; blank keeps the stored one. Never filled from the server. */
  newSecret: string;
  profile: {
    access: "" | "api" | "human_only";
    dataExposed: string;
    dataFormat: "" | "json" | "xml" | "csv" | "other";
    requestsPerSecond: string;
    burst: string;
    p50Ms: string;
    p95Ms: string;
    humanTasksAnswer: "" | "none" | "some";
    humanTasks: string;
    onUnavailable: "" | "retry_later" | "fallback" | "escalate";
    maxWaitMinutes: string;
  };
  resilience: {
    timeoutMs: string;
    maxRetries: string;
    breakerFailureThreshold: string;
    breakerCooldownMs: string;
  };
  operations: OperationDraft[];
}

let nextKey = 0;
export const newOperationKey = () => `op-${++nextKey}`;

export function emptyOperation(): OperationDraft {
  return {
    key: newOperationKey(),
    name: "",
    description: "",
    kind: "read",
    method: "GET",
    path: "/",
    bodyTemplate: "",
    responseMapping: "",
    sampleInput: "{}",
  };
}

export function emptyDraft(): ConnectorDraft {
  return {
    id: "",
    name: "",
    description: "",
    baseUrl: "https://",
    allowedHosts: "",
    defaultHeaders: "",
    auth: {
      method: "none",
      placement: "header",
      keyName: "X-Api-Key",
      username: "",
      tokenUrl: "",
      clientId: "",
      scope: "",
      clientAuthentication: "basic",
    },
    newSecret: "",
    profile: {
      access: "",
      dataExposed: "",
      dataFormat: "",
      requestsPerSecond: "",
      burst: "",
      p50Ms: "",
      p95Ms: "",
      humanTasksAnswer: "",
      humanTasks: "",
      onUnavailable: "",
      maxWaitMinutes: "60",
    },
    resilience: { timeoutMs: "", maxRetries: "", breakerFailureThreshold: "", breakerCooldownMs: "" },
    operations: [],
  };
}

const text = (value: number | undefined) => (value === undefined ? "" : String(value));
const json = (value: unknown) => (value === undefined ? "" : JSON.stringify(value, null, 2));

export function draftFromConnector(connector: ConnectorDetails): ConnectorDraft {
  const base = emptyDraft();
  const { auth, profile, resilience } = connector;
  return {
    id: connector.id,
    name: connector.name,
    description: connector.description,
    baseUrl: connector.baseUrl,
    allowedHosts: connector.allowedHosts.join("\n"),
    defaultHeaders: Object.entries(connector.defaultHeaders)
      .map(([name, value]) => `${name}: ${value}`)
      .join("\n"),
    auth: {
      ...base.auth,
      method: auth.method,
      ...(auth.method === "api_key" ? { placement: auth.placement, keyName: auth.name } : {}),
      ...(auth.method === "basic" ? { username: auth.username } : {}),
      ...(auth.method === "oauth2_client_credentials"
        ? {
            tokenUrl: auth.tokenUrl,
            clientId: auth.clientId,
            scope: auth.scope ?? "",
            clientAuthentication: auth.clientAuthentication,
          }
        : {}),
    },
    newSecret: "",
    profile: {
      access: profile.access ?? "",
      dataExposed: profile.dataExposed ?? "",
      dataFormat: profile.dataFormat ?? "",
      requestsPerSecond: text(profile.rateLimit?.requestsPerSecond),
      burst: text(profile.rateLimit?.burst),
      p50Ms: text(profile.latency?.p50Ms),
      p95Ms: text(profile.latency?.p95Ms),
      humanTasksAnswer:
        profile.humanTasks === undefined ? "" : profile.humanTasks.length === 0 ? "none" : "some",
      humanTasks: (profile.humanTasks ?? []).join("\n"),
      onUnavailable: profile.onUnavailable?.policy ?? "",
      maxWaitMinutes:
        profile.onUnavailable?.policy === "retry_later" ? String(profile.onUnavailable.maxWaitMinutes) : "60",
    },
    resilience: {
      timeoutMs: text(resilience.timeoutMs),
      maxRetries: text(resilience.maxRetries),
      breakerFailureThreshold: text(resilience.breakerFailureThreshold),
      breakerCooldownMs: text(resilience.breakerCooldownMs),
    },
    operations: connector.operations.map((operation) => ({
      key: newOperationKey(),
      name: operation.name,
      description: operation.description,
      kind: operation.kind,
      method: operation.method,
      path: operation.path,
      bodyTemplate: json(operation.bodyTemplate),
      responseMapping: Object.entries(operation.responseMapping)
        .map(([field, path]) => `${field} = ${path}`)
        .join("\n"),
      sampleInput: json(operation.sampleInput),
    })),
  };
}

export type DraftConversion =
  | {
      ok: true;
      id: string | undefined;
      definition: ConnectorDefinitionInput;
      secrets: Partial<Record<SecretName, string>>;
    }
  | { ok: false; problems: string[] };

/** Turns the form into what the API takes, or lists what cannot be read (bad JSON, a word where a number goes). */
export function draftToInput(draft: ConnectorDraft): DraftConversion {
  const problems: string[] = [];
  const number = (value: string, label: string): number | undefined => {
    if (value.trim() === "") return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed)) problems.push(`${label} must be a number.`);
    return parsed;
  };
  const parseJson = (value: string, label: string): unknown => {
    if (value.trim() === "") return undefined;
    try {
      return JSON.parse(value);
    } catch {
      problems.push(`${label} is not valid JSON.`);
      return undefined;
    }
  };
  const lines = (value: string) =>
    value
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
  const pairs = (value: string, separator: string, label: string) => {
    const result: Record<string, string> = {};
    for (const line of lines(value)) {
      const at = line.indexOf(separator);
      if (at <= 0) problems.push(`${label}: "${line}" needs the form name ${separator} value.`);
      else result[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
    return result;
  };

  const { auth: a, profile: p, resilience: r } = draft;
  const auth: ConnectorDefinitionInput["auth"] =
    a.method === "api_key"
      ? { method: "api_key", placement: a.placement, name: a.keyName.trim() }
      : a.method === "basic"
        ? { method: "basic", username: a.username.trim() }
        : a.method === "oauth2_client_credentials"
          ? {
              method: a.method,
              tokenUrl: a.tokenUrl.trim(),
              clientId: a.clientId.trim(),
              scope: a.scope.trim() || undefined,
              clientAuthentication: a.clientAuthentication,
            }
          : { method: a.method };

  const rps = number(p.requestsPerSecond, "Requests per second");
  const burst = number(p.burst, "Burst");
  const p50 = number(p.p50Ms, "p50 latency");
  const p95 = number(p.p95Ms, "p95 latency");
  const profile: ConnectorDefinitionInput["profile"] = {
    ...(p.access ? { access: p.access } : {}),
    ...(p.dataExposed.trim() ? { dataExposed: p.dataExposed.trim() } : {}),
    ...(p.dataFormat ? { dataFormat: p.dataFormat } : {}),
    ...(rps !== undefined && burst !== undefined ? { rateLimit: { requestsPerSecond: rps, burst } } : {}),
    ...(p50 !== undefined && p95 !== undefined ? { latency: { p50Ms: p50, p95Ms: p95 } } : {}),
    ...(p.humanTasksAnswer === "none"
      ? { humanTasks: [] }
      : p.humanTasksAnswer === "some"
        ? { humanTasks: lines(p.humanTasks) }
        : {}),
    ...(p.onUnavailable === "retry_later"
      ? {
          onUnavailable: {
            policy: "retry_later" as const,
            maxWaitMinutes: number(p.maxWaitMinutes, "Maximum wait") ?? 60,
          },
        }
      : p.onUnavailable
        ? { onUnavailable: { policy: p.onUnavailable } }
        : {}),
  };

  // A human-only system has no callable operations; the form hides them, so they are not sent either.
  const operations = (p.access === "human_only" ? [] : draft.operations).map((operation, index) => {
    const label = `Operation ${operation.name || index + 1}`;
    return {
      name: operation.name.trim(),
      description: operation.description.trim(),
      kind: operation.kind,
      method: operation.method,
      path: operation.path.trim(),
      bodyTemplate:
        operation.method === "GET"
          ? undefined
          : (parseJson(
              operation.bodyTemplate,
              `${label}: body template`,
            ) as ConnectorOperation["bodyTemplate"]),
      responseMapping: pairs(operation.responseMapping, "=", `${label}: response mapping`),
      sampleInput: (parseJson(operation.sampleInput, `${label}: sample input`) ??
        {}) as ConnectorOperation["sampleInput"],
    };
  });

  const definition: ConnectorDefinitionInput = {
    name: draft.name,
    description: draft.description,
    baseUrl: draft.baseUrl.trim(),
    auth,
    defaultHeaders: pairs(draft.defaultHeaders, ":", "Default headers"),
    operations,
    profile,
    resilience: {
      timeoutMs: number(r.timeoutMs, "Timeout"),
      maxRetries: number(r.maxRetries, "Retries"),
      breakerFailureThreshold: number(r.breakerFailureThreshold, "Breaker threshold"),
      breakerCooldownMs: number(r.breakerCooldownMs, "Breaker cool-down"),
    },
    allowedHosts: lines(draft.allowedHosts.replace(/,/g, "\n")),
  };
  if (problems.length > 0) return { ok: false, problems };
  const secretName = SECRET_NAME_BY_METHOD[a.method] as SecretName | null;
  const secrets = secretName && draft.newSecret ? { [secretName]: draft.newSecret } : {};
  return { ok: true, id: draft.id.trim() || undefined, definition, secrets };
}
