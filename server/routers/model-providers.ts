import { z } from "zod";
import { listEmbeddedModels } from "../services/models/list-embedded-models";
import {
  createProviderInput,
  providerIdInput,
  setProviderKeyInput,
  updateProviderInput,
} from "../services/models/providers/provider-input";
import {
  clearProviderKey,
  createProvider,
  deleteProvider,
  listProviderChoices,
  listProviders,
  recentCalls,
  setProviderKey,
  updateProvider,
} from "../services/models/providers/providers";
import { testProvider } from "../services/models/providers/test-provider";
import {
  calibrateFromRun,
  calibrationRuns,
  getCalibration,
} from "../services/models/calibration/calibrations";
import { procedureFor, router } from "../trpc";

export const testProviderInput = providerIdInput.extend({ model: z.string().max(200).optional() });

const id = z.string().min(1).max(200);
/** The node being calibrated and the model it asks now (a run of another model cannot calibrate it). */
export const calibrationTargetInput = z.object({
  workflowId: id,
  nodeId: id,
  providerId: id,
  model: z.string().min(1).max(200),
});

/** LLM providers (admins configure; owners pick one per node) and the trained embedded models. */
export const modelProvidersRouter = router({
  list: procedureFor("admin").query(({ ctx }) => listProviders(ctx.db)),
  choices: procedureFor("admin", "owner").query(({ ctx }) => listProviderChoices(ctx.db)),
  create: procedureFor("admin")
    .input(createProviderInput)
    .mutation(({ ctx, input }) => createProvider(ctx.db, ctx.user.id, input)),
  update: procedureFor("admin")
    .input(updateProviderInput)
    .mutation(({ ctx, input }) => updateProvider(ctx.db, input)),
  delete: procedureFor("admin")
    .input(providerIdInput)
    .mutation(({ ctx, input }) => deleteProvider(ctx.db, input.providerId)),
  setKey: procedureFor("admin")
    .input(setProviderKeyInput)
    .mutation(({ ctx, input }) => setProviderKey(ctx.db, input.providerId, input.apiKey)),
  clearKey: procedureFor("admin")
    .input(providerIdInput)
    .mutation(({ ctx, input }) => clearProviderKey(ctx.db, input.providerId)),
  test: procedureFor("admin")
    .input(testProviderInput)
    .mutation(({ ctx, input }) => testProvider(ctx.db, input.providerId, input.model)),
  recentCalls: procedureFor("admin")
    .input(providerIdInput)
    .query(({ ctx, input }) => recentCalls(ctx.db, input.providerId)),
  embeddedModels: procedureFor("admin", "owner").query(({ ctx }) => listEmbeddedModels(ctx.db)),
  /** A stored calibration of an LLM node (the one its config names). */
  calibration: procedureFor("admin", "owner")
    .input(z.object({ calibrationId: id }))
    .query(({ ctx, input }) => getCalibration(ctx.db, input.calibrationId)),
  /** Finished backtests of the workflow, and whether each can calibrate the node as it is now. */
  calibrationRuns: procedureFor("admin", "owner")
    .input(calibrationTargetInput)
    .query(({ ctx, input }) => calibrationRuns(ctx.db, input)),
  /** Fits and stores a calibration; the editor then puts it in the node's config (a draft change). */
  calibrate: procedureFor("admin", "owner")
    .input(calibrationTargetInput.extend({ runId: id }))
    .mutation(({ ctx, input }) => calibrateFromRun(ctx.db, ctx.user.id, input)),
});
