import { eq } from "drizzle-orm";
import type { ProviderConnection } from "../../../adapters/models/llm/provider-connection";
import type { Db } from "../../../db/client";
import { modelProviders } from "../../../db/schema";
import { SecretStore } from "../../../secrets/secret-store";

export const API_KEY = "apiKey";
export const providerSecretScope = (providerId: string) => `model-provider:${providerId}`;

/**
 * Connections read from the database, kept for a few seconds per process: a worker asks once per item, and an
 * admin's change (which clears this cache in its own process) reaches the other processes within the TTL.
 */
const TTL_MS = 15_000;
const cache = new Map<string, { at: number; connection: Promise<ProviderConnection | undefined> }>();

export function forgetConnection(providerId: string): void {
  cache.delete(providerId);
}

export function loadConnection(db: Db, providerId: string): Promise<ProviderConnection | undefined> {
  const hit = cache.get(providerId);
  if (hit && performance.now() - hit.at < TTL_MS) return hit.connection;
  const connection = readConnection(db, providerId);
  cache.set(providerId, { at: performance.now(), connection });
  connection.catch(() => cache.delete(providerId));
  return connection;
}

async function readConnection(db: Db, providerId: string): Promise<ProviderConnection | undefined> {
  const [row] = await db.select().from(modelProviders).where(eq(modelProviders.id, providerId));
  if (!row) return undefined;
  const apiKey = (await new SecretStore(db).reveal(providerSecretScope(providerId), API_KEY)) ?? undefined;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    baseUrl: row.baseUrl,
    apiKey,
    defaultModel: row.defaultModel,
    concurrency: row.concurrency,
    requestsPerMinute: row.requestsPerMinute,
    timeoutMs: row.timeoutMs,
    inputCostPerMillion: row.inputCostPerMillion,
    outputCostPerMillion: row.outputCostPerMillion,
  };
}
