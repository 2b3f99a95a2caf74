import { authMaterial, type AuthMaterial } from "./auth/apply-auth";
import type { OAuth2TokenCache } from "./auth/oauth2-token-cache";
import { CallFailedError, UpstreamUnavailableError } from "./call-errors";
import type { ConnectorOperation, ConnectorRecord } from "./connector-schema";
import { sendFollowingRedirects, TooManyRedirectsError } from "./http/follow-redirects";
import {
  CallTimeoutError,
  ResponseTooLargeError,
  type HttpResponse,
  type OutgoingRequest,
  type Transport,
} from "./http/send-request";
import { parseRetryAfter } from "./resilience/backoff";
import { SsrfRefusedError } from "./ssrf/address-policy";
import { renderBodyTemplate, renderPathTemplate } from "./template";

/** The request an operation makes for one input, before authentication is added. */
export interface PreparedRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** Renders the operation's templates; a TemplateError here means the input does not fit the operation. */
export function prepareRequest(
  connector: ConnectorRecord,
  operation: ConnectorOperation,
  input: Record<string, unknown>,
  idempotencyKey: string,
): PreparedRequest {
  const base = connector.baseUrl.replace(/\/+$/, "");
  const url = new URL(`${base}${renderPathTemplate(operation.path, input)}`);
  const headers: Record<string, string> = { accept: "application/json", "user-agent": "Switchboard" };
  for (const [name, value] of Object.entries(connector.defaultHeaders)) headers[name.toLowerCase()] = value;
  if (operation.kind === "write" && idempotencyKey) headers["idempotency-key"] = idempotencyKey;
  if (operation.bodyTemplate === undefined) return { url, method: operation.method, headers };
  headers["content-type"] = "application/json";
  return {
    url,
    method: operation.method,
    headers,
    body: JSON.stringify(renderBodyTemplate(operation.bodyTemplate, input)),
  };
}

export interface AttemptContext {
  loaded: { connector: ConnectorRecord; secrets: Readonly<Record<string, string>>; tokenCacheKey: string };
  transport: Transport;
  tokens: OAuth2TokenCache;
  timeoutMs: number;
  now: () => number;
  /** Every credential value this attempt used, collected for redaction. */
  onSensitiveValues: (values: string[]) => void;
}

export interface AttemptSuccess {
  httpStatus: number;
  body: unknown;
  rawBody: string;
}

/**
 * One attempt: authenticate, send (following redirects), classify. Throws UpstreamUnavailableError when a
 * retry may help (429, 5xx, network, timeout) and CallFailedError when it cannot. With OAuth2, a 401 is
 * answered by fetching a fresh token and sending once more.
 */
export async function attemptCall(
  prepared: PreparedRequest,
  context: AttemptContext,
): Promise<AttemptSuccess> {
  // A controller and a cleared timer rather than AbortSignal.timeout(): the latter keeps its timer (and the
  // signal) alive for the full timeout after every call, which adds up at thousands of calls a minute.
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new CallTimeoutError("The call timed out.")),
    context.timeoutMs,
  );
  const signal = controller.signal;
  const { loaded } = context;
  try {
    let response = await sendAuthenticated(prepared, context, signal);
    if (response.status === 401 && loaded.connector.auth.method === "oauth2_client_credentials") {
      context.tokens.invalidate(loaded.tokenCacheKey);
      response = await sendAuthenticated(prepared, context, signal);
    }
    return classify(response, context.now());
  } catch (error) {
    const classified = error instanceof UpstreamUnavailableError || error instanceof CallFailedError;
    throw translateTransportError(!classified && signal.aborted ? signal.reason : error, context.timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

async function sendAuthenticated(
  prepared: PreparedRequest,
  context: AttemptContext,
  signal: AbortSignal,
): Promise<HttpResponse> {
  const material: AuthMaterial = await authMaterial({
    auth: context.loaded.connector.auth,
    secrets: context.loaded.secrets,
    tokenCacheKey: context.loaded.tokenCacheKey,
    tokens: context.tokens,
    sendTokenRequest: (tokenRequest) => sendFollowingRedirects(tokenRequest, context.transport, signal),
  });
  context.onSensitiveValues(material.sensitiveValues);
  const url = new URL(prepared.url);
  for (const [name, value] of Object.entries(material.query)) url.searchParams.set(name, value);
  const request: OutgoingRequest = {
    url,
    method: prepared.method,
    headers: { ...prepared.headers, ...material.headers },
    body: prepared.body,
    credentialHeaders: material.credentialHeaders,
  };
  return sendFollowingRedirects(request, context.transport, signal);
}

function classify(response: HttpResponse, now: number): AttemptSuccess {
  const { status } = response;
  if (status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers["retry-after"], now);
    throw new UpstreamUnavailableError(
      `The system answered HTTP ${status}${status === 429 ? " (too many requests)" : ""}.`,
      {
        httpStatus: status,
        retryAfterMs,
      },
    );
  }
  const body = parseBody(response);
  if (status >= 200 && status < 300) return { httpStatus: status, body, rawBody: response.body };
  if (status >= 300 && status < 400)
    throw new CallFailedError(`The system answered HTTP ${status} without a usable redirect.`, {
      httpStatus: status,
    });
  throw new CallFailedError(`The system refused the request: HTTP ${status}${describeErrorBody(body)}.`, {
    httpStatus: status,
    body,
  });
}

function parseBody(response: HttpResponse): unknown {
  if (response.body === "") return null;
  try {
    return JSON.parse(response.body);
  } catch {
    const type = String(response.headers["content-type"] ?? "");
    if (response.status >= 200 && response.status < 300 && type.includes("json")) {
      throw new CallFailedError("The system said it answered JSON, but the response is not valid JSON.", {
        httpStatus: response.status,
      });
    }
    return response.body;
  }
}

/** A short reason from a typical error body ({ error }, { message }), so the admin sees more than a number. */
function describeErrorBody(body: unknown): string {
  let text: unknown = body;
  if (body && typeof body === "object") {
    const record = body as Record<string, unknown>;
    text = record.message ?? record.error ?? record.detail ?? record.title;
    if (text && typeof text === "object") text = (text as Record<string, unknown>).message;
  }
  if (typeof text !== "string" || text.trim() === "") return "";
  const oneLine = text.replace(/\s+/g, " ").trim();
  return ` (${oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine})`;
}

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: "the connection was refused",
  ECONNRESET: "the connection was reset",
  ENOTFOUND: "the host name could not be resolved",
  EAI_AGAIN: "the host name could not be resolved right now",
  EHOSTUNREACH: "the host is unreachable",
  ENETUNREACH: "the network is unreachable",
  ETIMEDOUT: "the connection timed out",
  EPIPE: "the connection closed while sending",
  UND_ERR_SOCKET: "the connection closed unexpectedly",
};

function translateTransportError(error: unknown, timeoutMs: number): Error {
  if (error instanceof UpstreamUnavailableError || error instanceof CallFailedError) return error;
  if (error instanceof SsrfRefusedError) return new CallFailedError(error.message);
  if (error instanceof TooManyRedirectsError || error instanceof ResponseTooLargeError)
    return new CallFailedError(error.message);
  if (error instanceof CallTimeoutError)
    return new UpstreamUnavailableError(`No answer within ${timeoutMs} ms (timeout).`);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ESSRF") return new CallFailedError((error as Error).message);
  if (code && NETWORK_WORDS[code])
    return new UpstreamUnavailableError(`Could not reach the system: ${NETWORK_WORDS[code]} (${code}).`);
  if (error instanceof Error && error.name === "AbortError")
    return new UpstreamUnavailableError(`No answer within ${timeoutMs} ms (timeout).`);
  const message = error instanceof Error ? error.message : String(error);
  return new UpstreamUnavailableError(`Could not reach the system: ${message}`);
}
