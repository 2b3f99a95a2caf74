import { TRPCError } from "@trpc/server";
import { asc, eq, like } from "drizzle-orm";
import type { Db } from "../../db/client";
import { connectors } from "../../db/schema";
import {
  connectorDefinitionSchema,
  connectorIdFromName,
  connectorIdSchema,
  SECRET_NAME_BY_METHOD,
  type ConnectorDefinitionInput,
  type ConnectorRecord,
  type SecretName,
} from "../../integrations/connector-schema";
import { connectorSecretScope, rowToConnectorRecord } from "../../integrations/connector-source";
import { profileCompleteness, type ProfileCompleteness } from "../../integrations/profile";
import { SecretStore, type SecretStatus } from "../../secrets/secret-store";
import { recordAudit } from "../audit/record-audit";
import { summarizeConnector, type ConnectorSummary } from "./connector-summary";

/** A connector as the admin form edits it: the definition plus whether each secret is set — never its value. */
export interface ConnectorDetails extends ConnectorRecord {
  secrets: Partial<Record<SecretName, SecretStatus>>;
  completeness: ProfileCompleteness;
}

export type SecretValues = Partial<Record<SecretName, string>>;

export async function listConnectors(db: Db): Promise<ConnectorSummary[]> {
  const rows = await db.select().from(connectors).orderBy(asc(connectors.name));
  const statuses = await new SecretStore(db).statusesByScope("connector:");
  return rows.map((row) =>
    summarizeConnector(rowToConnectorRecord(row), statuses.get(connectorSecretScope(row.id)) ?? {}),
  );
}

export async function getConnector(db: Db, id: string): Promise<ConnectorDetails> {
  const [row] = await db.select().from(connectors).where(eq(connectors.id, id));
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "That connector no longer exists." });
  const connector = rowToConnectorRecord(row);
  const secrets = await new SecretStore(db).statuses(connectorSecretScope(id));
  return { ...connector, secrets, completeness: profileCompleteness({ ...connector, secrets }) };
}

/** Creates a connector under the id given, or one made from its name ("CRM" → "crm", then "crm-2"…). */
export async function createConnector(
  db: Db,
  input: { id?: string; definition: ConnectorDefinitionInput; secrets?: SecretValues },
  createdBy: string | null,
): Promise<ConnectorDetails> {
  const definition = connectorDefinitionSchema.parse(input.definition);
  const id = input.id ? connectorIdSchema.parse(input.id) : await freeIdFor(db, definition.name);
  await withFriendlyConflicts(definition.name, () =>
    db.insert(connectors).values({ id, ...definition, createdBy }),
  );
  await storeSecrets(db, id, definition.auth.method, input.secrets);
  await recordAudit(db, {
    action: "connector.created",
    target: { type: "connector", id },
    details: {
      name: definition.name,
      authMethod: definition.auth.method,
      secretsGiven: Object.keys(input.secrets ?? {}),
    },
  });
  return getConnector(db, id);
}

async function freeIdFor(db: Db, name: string): Promise<string> {
  const base = connectorIdFromName(name);
  const taken = new Set(
    (
      await db
        .select({ id: connectors.id })
        .from(connectors)
        .where(like(connectors.id, `${base}%`))
    ).map((row) => row.id),
  );
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export async function updateConnector(
  db: Db,
  input: {
    id: string;
    definition: ConnectorDefinitionInput;
    secrets?: SecretValues;
    expectedUpdatedAt?: Date;
  },
): Promise<ConnectorDetails> {
  const definition = connectorDefinitionSchema.parse(input.definition);
  await withFriendlyConflicts(definition.name, () =>
    db.transaction(async (tx) => {
      const [current] = await tx
        .select({ updatedAt: connectors.updatedAt })
        .from(connectors)
        .where(eq(connectors.id, input.id))
        .for("update");
      if (!current) throw new TRPCError({ code: "NOT_FOUND", message: "That connector no longer exists." });
      if (input.expectedUpdatedAt && current.updatedAt.getTime() !== input.expectedUpdatedAt.getTime()) {
        throw new TRPCError({
          code: "CONFLICT",
          message: "Someone else changed this connector meanwhile: reload it, then make your change again.",
        });
      }
      await tx
        .update(connectors)
        .set({ ...definition, updatedAt: new Date() })
        .where(eq(connectors.id, input.id));
    }),
  );
  await storeSecrets(db, input.id, definition.auth.method, input.secrets);
  await recordAudit(db, {
    action: "connector.updated",
    target: { type: "connector", id: input.id },
    details: {
      name: definition.name,
      authMethod: definition.auth.method,
      secretsGiven: Object.keys(input.secrets ?? {}),
    },
  });
  return getConnector(db, input.id);
}

export async function deleteConnector(db: Db, id: string): Promise<{ id: string }> {
  const deleted = await db.delete(connectors).where(eq(connectors.id, id)).returning({ id: connectors.id });
  if (deleted.length === 0)
    throw new TRPCError({ code: "NOT_FOUND", message: "That connector no longer exists." });
  await new SecretStore(db).deleteScope(connectorSecretScope(id));
  await recordAudit(db, { action: "connector.deleted", target: { type: "connector", id } });
  return { id };
}

/** Stores the secrets given, and drops any the auth method no longer uses so no stale credential lingers. */
async function storeSecrets(
  db: Db,
  connectorId: string,
  method: ConnectorRecord["auth"]["method"],
  values: SecretValues = {},
) {
  const store = new SecretStore(db);
  const scope = connectorSecretScope(connectorId);
  const needed = SECRET_NAME_BY_METHOD[method];
  for (const [name, value] of Object.entries(values)) {
    if (value && name === needed) await store.set(scope, name, value);
  }
  for (const name of Object.keys(await store.statuses(scope)))
    if (name !== needed) await store.delete(scope, name);
}

async function withFriendlyConflicts<T>(name: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new TRPCError({
        code: "CONFLICT",
        message: `A connector named ${name}, or with the same id, already exists: choose another.`,
      });
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
