import { APIError, createAuthMiddleware, getIP } from "better-auth/api";
import type { BetterAuthOptions } from "better-auth";
import type { Db } from "../db/client";
import { recordAudit } from "../services/audit/record-audit";
import type { AuditDetails } from "../db/schema";
import {
  consumeSignInAttempt,
  normaliseEmail,
  resetSignInAttempts,
  type AccountLimit,
} from "./account-limit";

const SIGN_IN_PATH = "/sign-in/email";
/** The same words better-auth's per-address limiter answers with, so the two limits cannot be told apart. */
const TOO_MANY = "Too many requests. Please try again later.";

interface SignInContext {
  path?: string;
  body?: unknown;
  headers?: Headers;
  request?: Request;
  context: {
    options: BetterAuthOptions;
    newSession?: { user: { id: string; email: string } } | null;
    returned?: unknown;
  };
}

function attemptedEmail(ctx: SignInContext): string | null {
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" && email.includes("@") ? normaliseEmail(email) : null;
}

function whereFrom(ctx: SignInContext): AuditDetails {
  const source = ctx.request ?? ctx.headers;
  const ip = source ? getIP(source, ctx.context.options) : null;
  const userAgent = (ctx.request?.headers ?? ctx.headers)?.get("user-agent")?.slice(0, 200) ?? null;
  return { ip, userAgent };
}

function statusOf(returned: unknown): number | null {
  return returned instanceof APIError ? returned.statusCode : null;
}

/**
 * The per-account half of the brute-force limit (better-auth's limiter does the per-address half): every
 * attempt on an email counts — an unknown email exactly like a known one — and past the limit the answer
 * is 429 with Retry-After. A successful sign-in clears the count. Refusing the first attempt over the limit
 * is audited once per window, not on every refusal, so a flood cannot grow the append-only log.
 */
export function signInBeforeHook(db: Db, limit: AccountLimit) {
  return createAuthMiddleware(async (ctx) => {
    if (ctx.path !== SIGN_IN_PATH) return;
    const email = attemptedEmail(ctx as SignInContext);
    if (!email) return;
    const verdict = await consumeSignInAttempt(db, email, limit);
    if (verdict.allowed) return;
    if (verdict.attempts === limit.max + 1) {
      await recordAudit(db, {
        action: "auth.sign_in_throttled",
        actor: { type: "user", id: null, label: email },
        details: {
          ...whereFrom(ctx as SignInContext),
          limit: limit.max,
          windowMinutes: limit.windowMs / 60_000,
        },
      });
    }
    const retryAfter = String(verdict.retryAfterSeconds);
    throw new APIError(
      "TOO_MANY_REQUESTS",
      { message: TOO_MANY },
      {
        "Retry-After": retryAfter,
        "X-Retry-After": retryAfter,
      },
    );
  });
}

/** Audits each sign-in, successful or refused for a wrong email or password. */
export function signInAfterHook(db: Db) {
  return createAuthMiddleware(async (ctx) => {
    if (ctx.path !== SIGN_IN_PATH) return;
    const signIn = ctx as SignInContext;
    const session = signIn.context.newSession;
    if (session) {
      const email = normaliseEmail(session.user.email);
      await resetSignInAttempts(db, email);
      await recordAudit(db, {
        action: "auth.sign_in",
        actor: { type: "user", id: session.user.id, label: email },
        target: { type: "user", id: session.user.id },
        details: whereFrom(signIn),
      });
      return;
    }
    const email = attemptedEmail(signIn);
    if (email && statusOf(signIn.context.returned) === 401) {
      await recordAudit(db, {
        action: "auth.sign_in_failed",
        actor: { type: "user", id: null, label: email },
        details: whereFrom(signIn),
      });
    }
  });
}

/**
 * better-auth's own limiter says when to retry only in X-Retry-After (and answers before any plugin sees
 * the response); browsers, proxies and clients read the standard Retry-After, so every 429 carries both.
 */
export function withRetryAfter(response: Response): Response {
  if (response.status !== 429 || response.headers.has("retry-after")) return response;
  const seconds = response.headers.get("x-retry-after");
  if (!seconds) return response;
  const headers = new Headers(response.headers);
  headers.set("Retry-After", seconds);
  return new Response(response.body, { status: 429, statusText: response.statusText, headers });
}
