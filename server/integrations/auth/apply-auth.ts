import { CallFailedError } from "../call-errors";
import { SECRET_LABELS, SECRET_NAME_BY_METHOD, type ConnectorAuth } from "../connector-schema";
import type { OAuth2TokenCache, SendTokenRequest } from "./oauth2-token-cache";

/** What authentication adds to one request, and the values that must be redacted wherever they surface. */
export interface AuthMaterial {
  headers: Record<string, string>;
  query: Record<string, string>;
  credentialHeaders: string[];
  sensitiveValues: string[];
}

export interface AuthContext {
  auth: ConnectorAuth;
  secrets: Readonly<Record<string, string>>;
  /** Identifies the connector and its secrets' version, for the OAuth2 token cache. */
  tokenCacheKey: string;
  tokens: OAuth2TokenCache;
  sendTokenRequest: SendTokenRequest;
}

export async function authMaterial(context: AuthContext): Promise<AuthMaterial> {
  const { auth } = context;
  const material: AuthMaterial = { headers: {}, query: {}, credentialHeaders: [], sensitiveValues: [] };
  if (auth.method === "none") return material;
  const secret = requiredSecret(auth, context.secrets);
  material.sensitiveValues.push(secret);

  const setHeader = (name: string, value: string) => {
    material.headers[name] = value;
    material.credentialHeaders.push(name);
    material.sensitiveValues.push(value);
  };
  switch (auth.method) {
    case "api_key":
      if (auth.placement === "query") material.query[auth.name] = secret;
      else setHeader(auth.name.toLowerCase(), secret);
      break;
    case "bearer":
      setHeader("authorization", `Bearer ${secret}`);
      break;
    case "basic":
      setHeader("authorization", `Basic ${Buffer.from(`${auth.username}:${secret}`).toString("base64")}`);
      break;
    case "oauth2_client_credentials": {
      const token = await context.tokens.token(context.tokenCacheKey, auth, secret, context.sendTokenRequest);
      material.sensitiveValues.push(token);
      setHeader("authorization", `Bearer ${token}`);
      break;
    }
  }
  return material;
}

function requiredSecret(auth: ConnectorAuth, secrets: Readonly<Record<string, string>>): string {
  const name = SECRET_NAME_BY_METHOD[auth.method];
  const value = name ? secrets[name] : undefined;
  if (!name || !value) {
    throw new CallFailedError(
      `The ${SECRET_LABELS[name ?? ""] ?? "secret"} of this connector is not set: an admin can set it on the connector page.`,
    );
  }
  return value;
}
