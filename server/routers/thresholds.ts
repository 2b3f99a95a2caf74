import { z } from "zod";
import { setThreshold } from "../services/thresholds/set-threshold";
import { thresholdsInForce } from "../services/thresholds/thresholds-in-force";
import { listThresholdWorkflows, workflowThresholds } from "../services/thresholds/workflow-thresholds";
import { procedureFor, router } from "../trpc";

const workflowInput = z.object({ workflowId: z.string().min(1).max(200) });
export const setThresholdInput = z.object({
  workflowId: z.string().min(1).max(200),
  nodeId: z.string().min(1).max(200),
  value: z.number().min(0).max(1).nullable(),
  reason: z.string().trim().min(3, "Say why you are changing the threshold.").max(1000),
  expectedValue: z.number().min(0).max(1).nullable(),
});

/** Only admins change the values in force; owners may read them (the editor shows them beside the graph's). */
export const thresholdsRouter = router({
  workflows: procedureFor("admin").query(({ ctx }) => listThresholdWorkflows(ctx.db)),
  get: procedureFor("admin")
    .input(workflowInput)
    .query(({ ctx, input }) => workflowThresholds(ctx.db, input.workflowId)),
  inForce: procedureFor("admin", "owner")
    .input(workflowInput)
    .query(({ ctx, input }) => thresholdsInForce(ctx.db, input.workflowId)),
  set: procedureFor("admin")
    .input(setThresholdInput)
    .mutation(({ ctx, input }) => setThreshold(ctx.db, ctx.user.id, input)),
});
