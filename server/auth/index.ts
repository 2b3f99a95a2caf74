import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { appBaseUrl, appPort } from "../config";
import type { Db } from "../db/client";
import { getDatabase } from "../db";
import * as schema from "../db/schema";
import { localSecret } from "../local-secret";
import { accountLimitFromEnv } from "./account-limit";
import { signInAfterHook, signInBeforeHook, withRetryAfter } from "./sign-in-guard";

/** Sign-in attempts allowed per client address per minute before answering 429 (per account: account-limit.ts). */
const SIGN_IN_ATTEMPTS_PER_MINUTE = Number(process.env.SWITCHBOARD_SIGN_IN_RATE_LIMIT ?? 10);

function trustedOrigins(): string[] {
  const port = appPort();
  const extra = (process.env.SWITCHBOARD_TRUSTED_ORIGINS ?? "").split(",").filter(Boolean);
  return [appBaseUrl(), `http://localhost:${port}`, `http://127.0.0.1:${port}`, ...extra];
}

export function createAuth(db: Db) {
  const auth = betterAuth({
    appName: "Switchboard",
    baseURL: appBaseUrl(),
    secret: localSecret("BETTER_AUTH_SECRET", "auth-secret"),
    trustedOrigins: trustedOrigins(),
    database: drizzleAdapter(db, { provider: "pg", schema }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    user: {
      additionalFields: {
        // Roles are granted by an admin, never chosen at sign-up.
        role: { type: "string", required: false, defaultValue: "reviewer", input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      // On in every environment: repeated failed sign-ins must be slowed down in dev and demo too.
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      customRules: { "/sign-in/email": { window: 60, max: SIGN_IN_ATTEMPTS_PER_MINUTE } },
    },
    // Per account (every process shares the count in the database), and each sign-in audited.
    hooks: { before: signInBeforeHook(db, accountLimitFromEnv()), after: signInAfterHook(db) },
    // better-auth skips the origin check under NODE_ENV=test; keep it on so tests see production behaviour.
    advanced: { disableOriginCheck: false },
    plugins: [nextCookies()],
  });
  const handle = auth.handler;
  auth.handler = async (request) => withRetryAfter(await handle(request));
  return auth;
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { switchboardAuth?: Promise<Auth> };

/** The app's auth instance, created on first use (never at module load, so `next build` opens no database). */
export function getAuth(): Promise<Auth> {
  globalForAuth.switchboardAuth ??= getDatabase().then((database) => createAuth(database.db));
  return globalForAuth.switchboardAuth;
}
