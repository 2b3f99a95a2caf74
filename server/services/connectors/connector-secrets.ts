import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { connectors } from "../../db/schema";
import { SECRET_LABELS, SECRET_NAME_BY_METHOD, type SecretName } from "../../integrations/connector-schema";
import { connectorSecretScope } from "../../integrations/connector-source";
import { SecretStore, type SecretStatus } from "../../secrets/secret-store";
import { recordAudit } from "../audit/record-audit";

/** Write-only: the answer says that the secret is set and when, never what it is. */
export async function setConnectorSecret(
  db: Db,
  input: { connectorId: string; name: SecretName; value: string },
): Promise<SecretStatus> {
  await assertSecretFitsAuth(db, input.connectorId, input.name);
  const status = await new SecretStore(db).set(
    connectorSecretScope(input.connectorId),
    input.name,
    input.value,
  );
  await recordAudit(db, {
    action: "connector.secret_set",
    target: { type: "connector", id: input.connectorId },
    details: { secret: input.name },
  });
  return status;
}

export async function clearConnectorSecret(
  db: Db,
  input: { connectorId: string; name: SecretName },
): Promise<SecretStatus> {
  await new SecretStore(db).delete(connectorSecretScope(input.connectorId), input.name);
  await recordAudit(db, {
    action: "connector.secret_cleared",
    target: { type: "connector", id: input.connectorId },
    details: { secret: input.name },
  });
  return { set: false };
}

async function assertSecretFitsAuth(db: Db, connectorId: string, name: SecretName) {
  const [row] = await db
    .select({ auth: connectors.auth })
    .from(connectors)
    .where(eq(connectors.id, connectorId));
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "That connector no longer exists." });
  const needed = SECRET_NAME_BY_METHOD[row.auth.method];
  if (needed !== name) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: needed
        ? `This connector authenticates with a ${SECRET_LABELS[needed]}, not a ${SECRET_LABELS[name]}.`
        : "This connector uses no authentication, so it has no secret to set.",
    });
  }
}
