import type { Database } from "../db/client";
import { databaseConnectorSource } from "./connector-source";
import { HttpConnectorGateway, type HttpConnectorGatewayOptions } from "./http-gateway";
import { rateLimiterFor } from "./rate-limit/rate-limiter-for-database";

/**
 * The gateway the live port bundle uses: connectors from the database, the rate-limit bucket every
 * worker on this database shares. Create one per process and keep it (its breakers live in memory).
 */
export function createLiveConnectorGateway(
  database: Pick<Database, "db" | "engine">,
  options: Partial<Omit<HttpConnectorGatewayOptions, "connectors" | "rateLimiter">> = {},
): HttpConnectorGateway {
  return new HttpConnectorGateway({
    connectors: databaseConnectorSource(database.db),
    rateLimiter: rateLimiterFor(database),
    ...options,
  });
}
