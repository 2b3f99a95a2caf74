import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { signInAttempts } from "../db/schema";

export interface AccountLimit {
  /** Attempts allowed per account within one window; the next is refused until the window ends. */
  max: number;
  windowMs: number;
}

/** 10 attempts per account per 15 minutes unless configured: slows a guesser to ~1,000 tries a day. */
export function accountLimitFromEnv(): AccountLimit {
  const max = Number(process.env.SWITCHBOARD_SIGN_IN_ACCOUNT_LIMIT ?? 10);
  const minutes = Number(process.env.SWITCHBOARD_SIGN_IN_ACCOUNT_WINDOW_MINUTES ?? 15);
  return {
    max: Number.isInteger(max) && max > 0 ? max : 10,
    windowMs: (Number.isFinite(minutes) && minutes > 0 ? minutes : 15) * 60_000,
  };
}

/** How sign-in finds the account (better-auth lowercases too), so "A@x" and "a@x " share one budget. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Hashed, so the table says nothing about which addresses were tried — existing or not. */
function accountKey(email: string): string {
  return crypto.createHash("sha256").update(normaliseEmail(email), "utf8").digest("hex");
}

export type AttemptVerdict =
  { allowed: true; attempts: number } | { allowed: false; attempts: number; retryAfterSeconds: number };

/**
 * Counts one attempt against the account, whether or not it exists, in one atomic statement: attempts
 * sent in parallel each see the count the others left, so none slips past the limit.
 */
export async function consumeSignInAttempt(
  db: Db,
  email: string,
  limit: AccountLimit,
  now: Date = new Date(),
): Promise<AttemptVerdict> {
  const nowText = now.toISOString();
  const windowStart = new Date(now.getTime() - limit.windowMs).toISOString();
  const windowOver = sql`${signInAttempts.windowStartedAt} <= ${windowStart}::timestamptz`;
  const [row] = await db
    .insert(signInAttempts)
    .values({ accountKey: accountKey(email), attempts: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: signInAttempts.accountKey,
      set: {
        attempts: sql`case when ${windowOver} then 1 else ${signInAttempts.attempts} + 1 end`,
        windowStartedAt: sql`case when ${windowOver} then ${nowText}::timestamptz else ${signInAttempts.windowStartedAt} end`,
      },
    })
    .returning({ attempts: signInAttempts.attempts, windowStartedAt: signInAttempts.windowStartedAt });
  const attempts = row?.attempts ?? 1;
  if (attempts <= limit.max) return { allowed: true, attempts };
  const endsAt = (row?.windowStartedAt ?? now).getTime() + limit.windowMs;
  return {
    allowed: false,
    attempts,
    retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)),
  };
}

/** A successful sign-in proves the password: the account's budget starts afresh. */
export async function resetSignInAttempts(db: Db, email: string): Promise<void> {
  await db.delete(signInAttempts).where(eq(signInAttempts.accountKey, accountKey(email)));
}
