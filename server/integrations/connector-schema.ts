import { z } from "zod";
import { isSafePathSegment, parseJsonPath } from "./json-path";
import { integrationProfileDraftSchema } from "./profile-schema";

/**
 * What an admin defines for a connector. Pure zod, shared by the tRPC inputs, the stored jsonb columns
 * and the admin form. Secrets are not part of it: they go to the secret store and never come back.
 */

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;
/** Credentials belong in `auth`, where they are encrypted; the rest are set by the gateway itself. */
const RESERVED_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "host",
  "content-length",
  "idempotency-key",
  "transfer-encoding",
]);

export const headerNameSchema = z
  .string()
  .regex(HEADER_NAME, "A header name may contain letters, digits and - _ . only.");

export const defaultHeadersSchema = z
  .record(
    headerNameSchema,
    z
      .string()
      .max(2000)
      .regex(/^[^\r\n]*$/, "A header value must be on one line."),
  )
  .superRefine((headers, ctx) => {
    for (const name of Object.keys(headers)) {
      if (RESERVED_HEADERS.has(name.toLowerCase())) {
        ctx.addIssue({
          code: "custom",
          message: `The ${name} header cannot be a default header: put credentials in the authentication section, where they are encrypted.`,
        });
      }
    }
  });

/** How workflows name a connector (`connectorId` in a connector node, `crm.get_customer` in recorded reads). */
export const connectorIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,62}$/,
    "An id is lower-case letters, digits, - and _ (e.g. crm), and cannot change later.",
  );

/** A readable id from a name: "Billing API (EU)" → "billing-api-eu". */
export function connectorIdFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 56);
  return slug || "connector";
}

export const AUTH_METHODS = ["none", "api_key", "bearer", "basic", "oauth2_client_credentials"] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

export const connectorAuthSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("none") }),
  z.object({ method: z.literal("api_key"), placement: z.enum(["header", "query"]), name: headerNameSchema }),
  z.object({ method: z.literal("bearer") }),
  z.object({ method: z.literal("basic"), username: z.string().min(1).max(200) }),
  z.object({
    method: z.literal("oauth2_client_credentials"),
    tokenUrl: z.url({ protocol: /^https?$/, error: "The token URL must be an http:// or https:// address." }),
    clientId: z.string().min(1).max(500),
    scope: z.string().max(1000).optional(),
    /** How the client secret reaches the token endpoint; RFC 6749 makes HTTP Basic the one every server accepts. */
    clientAuthentication: z.enum(["basic", "body"]).default("basic"),
  }),
]);
export type ConnectorAuth = z.infer<typeof connectorAuthSchema>;

/** The one secret each auth method needs, by the name it is stored under. */
export const SECRET_NAME_BY_METHOD: Record<AuthMethod, string | null> = {
  none: null,
  api_key: "apiKey",
  bearer: "token",
  basic: "password",
  oauth2_client_credentials: "clientSecret",
};
export const SECRET_LABELS: Record<string, string> = {
  apiKey: "API key",
  token: "bearer token",
  password: "password",
  clientSecret: "client secret",
};
export const secretNameSchema = z.enum(["apiKey", "token", "password", "clientSecret"]);
export type SecretName = z.infer<typeof secretNameSchema>;

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export const operationNameSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,62}$/,
    "An operation name is lower_snake_case, starting with a letter (e.g. get_customer).",
  );
const outputFieldSchema = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]{0,62}$/,
    "An output field name is letters, digits and _, starting with a letter.",
  )
  .refine(isSafePathSegment, "That output field name is reserved.");
const jsonPathSchema = z
  .string()
  .max(300)
  .refine((path) => parseJsonPath(path) !== null, {
    message:
      "A response path looks like data.customer.email or items[0].id, and may not use __proto__, constructor or prototype.",
  });

export const connectorOperationSchema = z
  .object({
    name: operationNameSchema,
    description: z.string().max(500).default(""),
    kind: z.enum(["read", "write"]),
    method: z.enum(HTTP_METHODS),
    /** Appended to the base URL; `{{input.x}}` values are URL-encoded. */
    path: z
      .string()
      .max(1000)
      .regex(
        /^\/[^\s#]*$/,
        "A path starts with / and contains no spaces, e.g. /customers/{{input.customerId}}.",
      ),
    /** JSON whose strings may hold `{{input.x}}`; a string that is exactly one placeholder keeps the value's type. */
    bodyTemplate: z.json().optional(),
    /** output field → where to find it in the JSON response. */
    responseMapping: z.record(outputFieldSchema, jsonPathSchema).default({}),
    /** What "Test connection" sends. */
    sampleInput: z.record(z.string(), z.json()).default({}),
  })
  .superRefine((operation, ctx) => {
    if (operation.bodyTemplate !== undefined && operation.method === "GET") {
      ctx.addIssue({
        code: "custom",
        path: ["bodyTemplate"],
        message: `${operation.name}: a GET request has no body.`,
      });
    }
  });
export type ConnectorOperation = z.infer<typeof connectorOperationSchema>;

/** Overrides of the defaults the profile implies (see resilience/policy.ts). */
export const resilienceOverridesSchema = z.object({
  timeoutMs: z.number().int().min(100).max(120_000).optional(),
  maxRetries: z.number().int().min(0).max(10).optional(),
  breakerFailureThreshold: z.number().int().min(1).max(100).optional(),
  breakerCooldownMs: z.number().int().min(1_000).max(3_600_000).optional(),
});
export type ResilienceOverrides = z.infer<typeof resilienceOverridesSchema>;

const hostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+|[0-9a-f:.]+)$/,
    "An allowed host is a host name or an IP address, without scheme or port.",
  );

const baseUrlSchema = z
  .url({ protocol: /^https?$/, error: "The base URL must be an http:// or https:// address." })
  .refine((url) => {
    // Zod runs this even when the format check failed, which has already said why.
    if (!URL.canParse(url)) return true;
    const parsed = new URL(url);
    return !parsed.username && !parsed.password && !parsed.search && !parsed.hash;
  }, "The base URL may not contain credentials, a query or a fragment: use the authentication section and operation paths.");

export const connectorDefinitionSchema = z
  .object({
    name: z.string().trim().min(1, "Give the connector a name.").max(80),
    description: z.string().trim().max(1000).default(""),
    baseUrl: baseUrlSchema,
    auth: connectorAuthSchema,
    defaultHeaders: defaultHeadersSchema.default({}),
    operations: z.array(connectorOperationSchema).max(50).default([]),
    profile: integrationProfileDraftSchema.default({}),
    resilience: resilienceOverridesSchema.default({}),
    /**
     * Hosts this connector may reach even though they are loopback or private (an on-premise system, the
     * demo, tests). Everything else must resolve to a public address.
     */
    allowedHosts: z.array(hostSchema).max(20).default([]),
  })
  .superRefine((definition, ctx) => {
    const seen = new Set<string>();
    definition.operations.forEach((operation, index) => {
      if (seen.has(operation.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["operations", index, "name"],
          message: `Two operations are named ${operation.name}.`,
        });
      }
      seen.add(operation.name);
    });
    if (definition.profile.access === "human_only" && definition.operations.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["operations"],
        message:
          "A human-only system has no operations a workflow can call: remove them, or say it has an API.",
      });
    }
  });
export type ConnectorDefinitionInput = z.input<typeof connectorDefinitionSchema>;
export type ConnectorDefinition = z.infer<typeof connectorDefinitionSchema>;

/** A stored connector, as the gateway and services see it. */
export interface ConnectorRecord extends ConnectorDefinition {
  id: string;
  updatedAt: Date;
}
