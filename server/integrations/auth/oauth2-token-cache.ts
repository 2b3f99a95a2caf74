import type { ConnectorAuth } from "../connector-schema";
import { CallFailedError, UpstreamUnavailableError } from "../call-errors";
import type { HttpResponse, OutgoingRequest } from "../http/send-request";

type OAuth2Config = Extract<ConnectorAuth, { method: "oauth2_client_credentials" }>;

export interface TokenCacheDeps {
  now: () => number;
}

/** Sends the token request under the connector's own SSRF rules and time budget. */
export type SendTokenRequest = (request: OutgoingRequest) => Promise<HttpResponse>;

interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

/** Renew this long before the stated expiry, so a token never expires between our check and the call. */
const EXPIRY_MARGIN_MS = 30_000;
const DEFAULT_LIFETIME_S = 3600;

/**
 * OAuth2 client-credentials tokens, fetched on first use, cached until shortly before they expire, and
 * fetched at most once at a time per connector (concurrent callers share the same request).
 */
export class OAuth2TokenCache {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly pending = new Map<string, Promise<CachedToken>>();

  constructor(private readonly deps: TokenCacheDeps) {}

  /** `cacheKey` must change when the client secret does (connector id + secrets version). */
  async token(
    cacheKey: string,
    config: OAuth2Config,
    clientSecret: string,
    send: SendTokenRequest,
  ): Promise<string> {
    const cached = this.tokens.get(cacheKey);
    if (cached && cached.expiresAt > this.deps.now()) return cached.accessToken;
    let request = this.pending.get(cacheKey);
    if (!request) {
      request = this.fetchToken(config, clientSecret, send).finally(() => this.pending.delete(cacheKey));
      this.pending.set(cacheKey, request);
    }
    const fresh = await request;
    this.tokens.set(cacheKey, fresh);
    return fresh.accessToken;
  }

  /** After a 401: the API no longer accepts the token, whatever its stated lifetime. */
  invalidate(cacheKey: string): void {
    this.tokens.delete(cacheKey);
  }

  private async fetchToken(
    config: OAuth2Config,
    clientSecret: string,
    send: SendTokenRequest,
  ): Promise<CachedToken> {
    const form = new URLSearchParams({ grant_type: "client_credentials" });
    if (config.scope) form.set("scope", config.scope);
    const headers: Record<string, string> = {
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
    };
    if (config.clientAuthentication === "body") {
      form.set("client_id", config.clientId);
      form.set("client_secret", clientSecret);
    } else {
      // RFC 6749 §2.3.1: both parts form-encoded before base64.
      const pair = `${encodeURIComponent(config.clientId)}:${encodeURIComponent(clientSecret)}`;
      headers.authorization = `Basic ${Buffer.from(pair).toString("base64")}`;
    }
    const startedAt = this.deps.now();
    const response = await send({
      url: new URL(config.tokenUrl),
      method: "POST",
      headers,
      body: form.toString(),
      credentialHeaders: ["authorization"],
    });
    if (response.status >= 500 || response.status === 429) {
      throw new UpstreamUnavailableError(`The token endpoint answered HTTP ${response.status}.`, {
        httpStatus: response.status,
      });
    }
    if (response.status < 200 || response.status >= 300) {
      throw new CallFailedError(
        `The token endpoint refused the client credentials (HTTP ${response.status}${oauthErrorCode(response.body)}).`,
        {
          httpStatus: response.status,
        },
      );
    }
    const parsed = safeJson(response.body) as { access_token?: unknown; expires_in?: unknown } | null;
    if (typeof parsed?.access_token !== "string" || parsed.access_token === "") {
      throw new CallFailedError("The token endpoint answered without an access_token.");
    }
    const lifetimeS =
      typeof parsed.expires_in === "number" && parsed.expires_in > 0 ? parsed.expires_in : DEFAULT_LIFETIME_S;
    const margin = Math.min(EXPIRY_MARGIN_MS, (lifetimeS * 1000) / 10);
    return { accessToken: parsed.access_token, expiresAt: startedAt + lifetimeS * 1000 - margin };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The `error` code of an OAuth error response ("invalid_client"), which says more than the status. */
function oauthErrorCode(body: string): string {
  const parsed = safeJson(body) as { error?: unknown } | null;
  return typeof parsed?.error === "string" && /^[a-z_]{1,60}$/.test(parsed.error) ? `: ${parsed.error}` : "";
}
