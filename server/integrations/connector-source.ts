import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { connectors } from "../db/schema";
import { SecretStore } from "../secrets/secret-store";
import type { ConnectorRecord } from "./connector-schema";

/** A connector ready to call: its definition and its decrypted secrets (server memory only). */
export interface LoadedConnector {
  connector: ConnectorRecord;
  secrets: Readonly<Record<string, string>>;
  /** Changes whenever a secret does: keys the OAuth2 token cache. */
  secretsVersion: string;
}

export interface ConnectorSource {
  load(connectorId: string): Promise<LoadedConnector | null>;
}

export function connectorSecretScope(connectorId: string): string {
  return `connector:${connectorId}`;
}

export function rowToConnectorRecord(row: typeof connectors.$inferSelect): ConnectorRecord {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    baseUrl: row.baseUrl,
    auth: row.auth,
    defaultHeaders: row.defaultHeaders,
    operations: row.operations,
    profile: row.profile,
    resilience: row.resilience,
    allowedHosts: row.allowedHosts,
    updatedAt: row.updatedAt,
  };
}

/**
 * Loads connectors from the database, cached for `ttlMs` so a busy workflow does not query (and decrypt)
 * on every call; an admin's edit reaches running workers within that time.
 */
export function databaseConnectorSource(
  db: Db,
  options: { secretStore?: SecretStore; ttlMs?: number; now?: () => number } = {},
): ConnectorSource {
  const store = options.secretStore ?? new SecretStore(db);
  const ttlMs = options.ttlMs ?? 5_000;
  const now = options.now ?? (() => Date.now());
  const cache = new Map<string, { loadedAt: number; value: Promise<LoadedConnector | null> }>();

  async function fetchConnector(connectorId: string): Promise<LoadedConnector | null> {
    const [row] = await db.select().from(connectors).where(eq(connectors.id, connectorId));
    if (!row) return null;
    const { values, version } = await store.revealScope(connectorSecretScope(connectorId));
    return { connector: rowToConnectorRecord(row), secrets: values, secretsVersion: version };
  }

  return {
    load(connectorId) {
      const cached = cache.get(connectorId);
      if (cached && now() - cached.loadedAt < ttlMs) return cached.value;
      const value = fetchConnector(connectorId);
      cache.set(connectorId, { loadedAt: now(), value });
      // A failed load is not cached: the next call tries again.
      value.catch(() => cache.delete(connectorId));
      return value;
    },
  };
}

/** A fixed set of connectors: for tests, the benchmark, and "Test connection" on a definition not yet saved. */
export function staticConnectorSource(entries: readonly LoadedConnector[]): ConnectorSource {
  const byId = new Map(entries.map((entry) => [entry.connector.id, entry]));
  return { load: async (connectorId) => byId.get(connectorId) ?? null };
}
