import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { modelCalls, modelProviders } from "../../../db/schema";
import { SecretStore, type SecretStatus } from "../../../secrets/secret-store";
import { recordAudit } from "../../audit/record-audit";
import type { CreateProviderInput, ProviderFields, UpdateProviderInput } from "./provider-input";
import { API_KEY, forgetConnection, providerSecretScope } from "./provider-connections";

/** A provider as the browser sees it: the key only as set / not set. */
export interface ProviderView extends ProviderFields {
  id: string;
  apiKey: SecretStatus;
  usage: { calls: number; errors: number; inputTokens: number; outputTokens: number; costUsd: number };
  updatedAt: Date;
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return (error as { code?: string })?.code === "23505" || cause?.code === "23505";
}

function nameTaken(): TRPCError {
  return new TRPCError({ code: "CONFLICT", message: "A provider with that name already exists." });
}

export async function listProviders(db: Db): Promise<ProviderView[]> {
  const [rows, keys, usage] = await Promise.all([
    db.select().from(modelProviders).orderBy(modelProviders.name),
    new SecretStore(db).statusesByScope("model-provider:"),
    db
      .select({
        providerId: modelCalls.providerId,
        calls: sql<number>`count(*)::int`,
        errors: sql<number>`count(*) filter (where ${modelCalls.status} = 'error')::int`,
        inputTokens: sql<number>`coalesce(sum(${modelCalls.inputTokens}), 0)::int`,
        outputTokens: sql<number>`coalesce(sum(${modelCalls.outputTokens}), 0)::int`,
        costUsd: sql<number>`coalesce(sum(${modelCalls.costUsd}), 0)::float8`,
      })
      .from(modelCalls)
      .groupBy(modelCalls.providerId),
  ]);
  const usageById = new Map(usage.map((u) => [u.providerId, u]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    baseUrl: row.baseUrl,
    defaultModel: row.defaultModel,
    concurrency: row.concurrency,
    requestsPerMinute: row.requestsPerMinute,
    timeoutMs: row.timeoutMs,
    inputCostPerMillion: row.inputCostPerMillion,
    outputCostPerMillion: row.outputCostPerMillion,
    apiKey: keys.get(providerSecretScope(row.id))?.[API_KEY] ?? { set: false },
    usage: usageById.get(row.id) ?? { calls: 0, errors: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 },
    updatedAt: row.updatedAt,
  }));
}

/** What an owner's model picker needs: no limits, no costs, no key status. */
export async function listProviderChoices(db: Db) {
  return db
    .select({
      id: modelProviders.id,
      name: modelProviders.name,
      kind: modelProviders.kind,
      defaultModel: modelProviders.defaultModel,
    })
    .from(modelProviders)
    .orderBy(modelProviders.name);
}

export async function createProvider(
  db: Db,
  userId: string | null,
  input: CreateProviderInput,
): Promise<{ id: string }> {
  const { apiKey, ...fields } = input;
  const id = crypto.randomUUID();
  try {
    await db.insert(modelProviders).values({ id, ...fields, createdBy: userId });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
  if (apiKey) await new SecretStore(db).set(providerSecretScope(id), API_KEY, apiKey);
  await recordAudit(db, {
    action: "model_provider.created",
    target: { type: "model_provider", id },
    details: { name: fields.name, kind: fields.kind, keyGiven: Boolean(apiKey) },
  });
  return { id };
}

export async function updateProvider(db: Db, input: UpdateProviderInput): Promise<void> {
  const { providerId, ...fields } = input;
  let updated;
  try {
    updated = await db
      .update(modelProviders)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(modelProviders.id, providerId))
      .returning({ id: modelProviders.id });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
  if (updated.length === 0) throw notFound();
  await recordAudit(db, {
    action: "model_provider.updated",
    target: { type: "model_provider", id: providerId },
    details: { fields: Object.keys(fields) },
  });
  forgetConnection(providerId);
}

export async function deleteProvider(db: Db, providerId: string): Promise<void> {
  await db.delete(modelProviders).where(eq(modelProviders.id, providerId));
  await new SecretStore(db).deleteScope(providerSecretScope(providerId));
  await recordAudit(db, {
    action: "model_provider.deleted",
    target: { type: "model_provider", id: providerId },
  });
  forgetConnection(providerId);
}

/** Write-only: answers that the key is set and when, never what it is. */
export async function setProviderKey(db: Db, providerId: string, apiKey: string): Promise<SecretStatus> {
  await assertExists(db, providerId);
  const status = await new SecretStore(db).set(providerSecretScope(providerId), API_KEY, apiKey);
  await recordAudit(db, {
    action: "model_provider.key_set",
    target: { type: "model_provider", id: providerId },
  });
  forgetConnection(providerId);
  return status;
}

export async function clearProviderKey(db: Db, providerId: string): Promise<SecretStatus> {
  await new SecretStore(db).delete(providerSecretScope(providerId), API_KEY);
  await recordAudit(db, {
    action: "model_provider.key_cleared",
    target: { type: "model_provider", id: providerId },
  });
  forgetConnection(providerId);
  return { set: false };
}

export async function recentCalls(db: Db, providerId: string, limit = 20) {
  return db
    .select()
    .from(modelCalls)
    .where(eq(modelCalls.providerId, providerId))
    .orderBy(desc(modelCalls.createdAt))
    .limit(limit);
}

async function assertExists(db: Db, providerId: string) {
  const [row] = await db
    .select({ id: modelProviders.id })
    .from(modelProviders)
    .where(eq(modelProviders.id, providerId));
  if (!row) throw notFound();
}

function notFound() {
  return new TRPCError({ code: "NOT_FOUND", message: "That provider no longer exists." });
}
