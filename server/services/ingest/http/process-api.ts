import type { RateLimiterMemory } from "rate-limiter-flexible";
import { getDatabase } from "../../../db";
import { createApiRateLimiter } from "./authenticate";
import type { ApiDeps } from "./item-handlers";

const globalForApi = globalThis as unknown as { switchboardApiLimiter?: RateLimiterMemory };

/** The app process's API dependencies: its database and one rate limiter shared by every route. */
export async function processApiDeps(): Promise<ApiDeps> {
  const { db } = await getDatabase();
  globalForApi.switchboardApiLimiter ??= createApiRateLimiter();
  return { db, limiter: globalForApi.switchboardApiLimiter };
}
