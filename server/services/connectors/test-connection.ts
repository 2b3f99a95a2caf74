import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import type { Db } from "../../db/client";
import { databaseConnectorSource } from "../../integrations/connector-source";
import { HttpConnectorGateway } from "../../integrations/http-gateway";
import { DatabaseRateLimiter } from "../../integrations/rate-limit/database-rate-limiter";
import { getConnector } from "./manage-connectors";

export interface TestConnectionResult {
  status: "ok" | "unavailable" | "error";
  httpStatus?: number;
  latencyMs: number;
  output?: Record<string, unknown>;
  /** In plain words; secrets redacted. */
  error?: string;
  retryAfterMs?: number;
  responsePreview?: string;
}

/**
 * Runs one operation once — no retries, so the admin sees the first answer as it is — with its sample
 * input or the one given. A write really writes: the UI says so before the button is pressed.
 */
export async function testConnection(
  db: Db,
  input: { connectorId: string; operation: string; input?: Record<string, unknown> },
): Promise<TestConnectionResult> {
  const connector = await getConnector(db, input.connectorId);
  const operation = connector.operations.find((candidate) => candidate.name === input.operation);
  if (!operation)
    throw new TRPCError({
      code: "NOT_FOUND",
      message: `${connector.name} has no operation named ${input.operation}.`,
    });

  const gateway = new HttpConnectorGateway({
    connectors: databaseConnectorSource(db, { ttlMs: 0 }),
    // The bucket in the database counts this call against the same limit the workers share.
    rateLimiter: new DatabaseRateLimiter(db),
    log: () => {},
  });
  try {
    const result = await gateway.execute(
      {
        connectorId: connector.id,
        operation: operation.name,
        kind: operation.kind,
        input: input.input ?? operation.sampleInput,
        idempotencyKey: `test-connection:${crypto.randomUUID()}`,
      },
      { allowIncompleteProfile: true, maxRetries: 0 },
    );
    const common = {
      httpStatus: result.httpStatus,
      latencyMs: result.latencyMs,
      responsePreview: result.responsePreview,
    };
    if (result.status === "ok") return { status: "ok", output: result.data, ...common };
    if (result.status === "unavailable")
      return { status: "unavailable", error: result.reason, retryAfterMs: result.retryAfterMs, ...common };
    return { status: "error", error: result.message, ...common };
  } finally {
    gateway.close();
  }
}
