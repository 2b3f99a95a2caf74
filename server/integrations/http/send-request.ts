import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { assertHostMayBeContacted, isHostAllowlisted, isIpLiteral } from "../ssrf/address-policy";
import { guardedLookup } from "../ssrf/guarded-lookup";

export interface OutgoingRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** Header names that carry credentials: dropped when a redirect leaves the origin. */
  credentialHeaders?: readonly string[];
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Transport {
  /** Hosts that may be loopback/private for this connector; see ssrf/address-policy.ts. */
  allowedHosts: readonly string[];
  agents: { http: http.Agent; https: https.Agent };
  /** Injected in tests to make a name resolve to a chosen address; defaults to the system resolver. */
  lookup?: LookupFunction;
  maxBodyBytes?: number;
}

export class CallTimeoutError extends Error {
  override name = "CallTimeoutError";
}
export class ResponseTooLargeError extends Error {
  override name = "ResponseTooLargeError";
}

const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;
const defaultGuardedLookup = guardedLookup();

export function createAgents() {
  return { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
}

/**
 * One HTTP exchange, with the SSRF check made before connecting: an IP literal is checked as written, a host
 * name at resolution time by a lookup that also pins the connection to the address it checked.
 */
export function sendRequest(
  request: OutgoingRequest,
  transport: Transport,
  signal: AbortSignal,
): Promise<HttpResponse> {
  const { url } = request;
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return Promise.reject(
      new Error(`Only http and https are allowed, not ${url.protocol.replace(":", "")}.`),
    );
  }
  try {
    assertHostMayBeContacted(url.hostname, transport.allowedHosts);
  } catch (error) {
    return Promise.reject(error);
  }
  const allowlisted = isHostAllowlisted(url.hostname, transport.allowedHosts);
  const lookup =
    allowlisted || isIpLiteral(url.hostname) ? undefined : (transport.lookup ?? defaultGuardedLookup);
  const secure = url.protocol === "https:";
  const maxBodyBytes = transport.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  return new Promise<HttpResponse>((resolve, reject) => {
    const options: http.RequestOptions = {
      method: request.method,
      hostname: url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      headers:
        request.body === undefined
          ? request.headers
          : { ...request.headers, "content-length": String(Buffer.byteLength(request.body)) },
      agent: secure ? transport.agents.https : transport.agents.http,
      signal,
      ...(lookup ? { lookup } : {}),
    };
    const outgoing = (secure ? https : http).request(options, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBodyBytes) {
          response.destroy(
            new ResponseTooLargeError(
              `The response was larger than ${Math.round(maxBodyBytes / 1024 / 1024)} MB.`,
            ),
          );
          return;
        }
        chunks.push(chunk);
      });
      response.on("error", (error) => reject(error));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    outgoing.on("error", (error) =>
      reject(signal.aborted && signal.reason instanceof CallTimeoutError ? signal.reason : error),
    );
    outgoing.end(request.body);
  });
}
