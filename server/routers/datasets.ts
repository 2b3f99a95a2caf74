import { z } from "zod";
import { previewDataset } from "../services/datasets/preview";
import { deleteDataset, getDataset, listDatasets } from "../services/datasets/queries";
import { procedureFor, router } from "../trpc";

const datasetInput = z.object({ datasetId: z.string().min(1).max(128) });

/** Historical cases for backtests: owners and admins. Files are uploaded through the /datasets/upload route (streamed). */
export const datasetsRouter = router({
  list: procedureFor("admin", "owner").query(({ ctx }) => listDatasets(ctx.db)),
  get: procedureFor("admin", "owner")
    .input(datasetInput)
    .query(({ ctx, input }) => getDataset(ctx.db, input.datasetId)),
  preview: procedureFor("admin", "owner")
    .input(
      z.object({
        sample: z.string().max(256 * 1024, "Send at most the first 256 KB"),
        fileName: z.string().max(300).optional(),
      }),
    )
    .mutation(({ input }) => previewDataset(input.sample, input.fileName)),
  delete: procedureFor("admin", "owner")
    .input(datasetInput)
    .mutation(({ ctx, input }) => deleteDataset(ctx.db, input.datasetId)),
});
