import { z } from "zod";
import {
  connectorDefinitionSchema,
  connectorIdSchema,
  operationNameSchema,
  secretNameSchema,
} from "../integrations/connector-schema";
import { clearConnectorSecret, setConnectorSecret } from "../services/connectors/connector-secrets";
import {
  createConnector,
  deleteConnector,
  getConnector,
  listConnectors,
  updateConnector,
} from "../services/connectors/manage-connectors";
import { testConnection } from "../services/connectors/test-connection";
import { procedureFor, router } from "../trpc";

const connectorId = z.string().min(1);
const secretValues = z.partialRecord(secretNameSchema, z.string().min(1).max(10_000)).optional();

export const createConnectorInput = z.object({
  /** How workflows refer to it; made from the name when absent. */
  id: connectorIdSchema.optional(),
  definition: connectorDefinitionSchema,
  secrets: secretValues,
});
export const updateConnectorInput = z.object({
  id: connectorId,
  definition: connectorDefinitionSchema,
  secrets: secretValues,
  /** The `updatedAt` the form loaded, so two admins editing at once cannot silently overwrite each other. */
  expectedUpdatedAt: z.date().optional(),
});
export const setConnectorSecretInput = z.object({
  connectorId,
  name: secretNameSchema,
  value: z.string().min(1).max(10_000),
});
export const clearConnectorSecretInput = z.object({ connectorId, name: secretNameSchema });
export const testConnectionInput = z.object({
  connectorId,
  operation: operationNameSchema,
  input: z.record(z.string(), z.json()).optional(),
});

export const connectorsRouter = router({
  /** Owners pick connectors in nodes: names, operations and profile completeness only. */
  list: procedureFor("admin", "owner").query(({ ctx }) => listConnectors(ctx.db)),
  get: procedureFor("admin")
    .input(z.object({ id: connectorId }))
    .query(({ ctx, input }) => getConnector(ctx.db, input.id)),
  create: procedureFor("admin")
    .input(createConnectorInput)
    .mutation(({ ctx, input }) => createConnector(ctx.db, input, ctx.user.id)),
  update: procedureFor("admin")
    .input(updateConnectorInput)
    .mutation(({ ctx, input }) => updateConnector(ctx.db, input)),
  delete: procedureFor("admin")
    .input(z.object({ id: connectorId }))
    .mutation(({ ctx, input }) => deleteConnector(ctx.db, input.id)),
  setSecret: procedureFor("admin")
    .input(setConnectorSecretInput)
    .mutation(({ ctx, input }) => setConnectorSecret(ctx.db, input)),
  clearSecret: procedureFor("admin")
    .input(clearConnectorSecretInput)
    .mutation(({ ctx, input }) => clearConnectorSecret(ctx.db, input)),
  test: procedureFor("admin")
    .input(testConnectionInput)
    .mutation(({ ctx, input }) => testConnection(ctx.db, input)),
});
