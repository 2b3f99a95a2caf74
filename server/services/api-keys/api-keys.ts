import crypto from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { apiKeys, user, workflows } from "../../db/schema";
import { recordAudit } from "../audit/record-audit";

/** Every secret starts so; scanners and people recognise it, and `prefix` shows which one it is. */
const SECRET_PREFIX = "sbk_";
const PREFIX_LENGTH = SECRET_PREFIX.length + 8;

export function hashSecret(secret: string): string {
  return crypto.createHash("sha256").update(secret, "utf8").digest("hex");
}

export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  /** The only time the secret leaves the server. */
  secret: string;
}

export async function createApiKey(
  db: Db,
  actorId: string,
  input: { name: string; workflowId: string | null },
): Promise<CreatedApiKey> {
  if (input.workflowId) {
    const [workflow] = await db
      .select({ id: workflows.id })
      .from(workflows)
      .where(eq(workflows.id, input.workflowId));
    if (!workflow) throw new ApiKeyError("That workflow no longer exists.");
  }
  const secret = SECRET_PREFIX + crypto.randomBytes(24).toString("base64url");
  const id = crypto.randomUUID();
  const prefix = secret.slice(0, PREFIX_LENGTH);
  await db.insert(apiKeys).values({
    id,
    name: input.name,
    workflowId: input.workflowId,
    prefix,
    secretHash: hashSecret(secret),
    createdBy: actorId,
  });
  await recordAudit(db, {
    action: "api_key.created",
    actor: { userId: actorId },
    target: { type: "api_key", id },
    details: { name: input.name, prefix, workflowId: input.workflowId },
  });
  return { id, name: input.name, prefix, secret };
}

export class ApiKeyError extends Error {
  override name = "ApiKeyError";
}

export async function revokeApiKey(db: Db, actorId: string, keyId: string): Promise<void> {
  const [revoked] = await db
    .update(apiKeys)
    .set({ revokedAt: new Date(), revokedBy: actorId })
    .where(and(eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  if (!revoked) throw new ApiKeyError("That key does not exist or was already revoked.");
  await recordAudit(db, {
    action: "api_key.revoked",
    actor: { userId: actorId },
    target: { type: "api_key", id: keyId },
  });
}

export interface ApiKeyListEntry {
  id: string;
  name: string;
  prefix: string;
  workflowId: string | null;
  workflowName: string | null;
  createdAt: Date;
  createdByName: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function listApiKeys(db: Db): Promise<ApiKeyListEntry[]> {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      workflowId: apiKeys.workflowId,
      workflowName: workflows.name,
      createdAt: apiKeys.createdAt,
      createdByName: user.name,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .leftJoin(workflows, eq(workflows.id, apiKeys.workflowId))
    .leftJoin(user, eq(user.id, apiKeys.createdBy))
    .orderBy(desc(apiKeys.createdAt));
}

export interface VerifiedApiKey {
  id: string;
  workflowId: string | null;
}

/** Touching `last_used_at` on every request would make each ingest write one more row: once a minute will do. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The key a bearer secret belongs to, or null when it is unknown or revoked. */
export async function verifyApiKey(db: Db, secret: string): Promise<VerifiedApiKey | null> {
  if (!secret.startsWith(SECRET_PREFIX)) return null;
  const [key] = await db
    .select({ id: apiKeys.id, workflowId: apiKeys.workflowId, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.secretHash, hashSecret(secret)), isNull(apiKeys.revokedAt)));
  if (!key) return null;
  const now = Date.now();
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: new Date(now) })
      .where(eq(apiKeys.id, key.id));
  }
  return { id: key.id, workflowId: key.workflowId };
}
