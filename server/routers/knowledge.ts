import { TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  addEntries,
  buildFromDataset,
  clearEntries,
  deleteEntry,
  KnowledgeImportError,
  listEntries,
  parseEntries,
} from "../services/knowledge/knowledge-entries";
import { procedureFor, router } from "../trpc";

const workflowId = z.string().min(1).max(200);
export const importKnowledgeInput = z.object({
  workflowId,
  format: z.enum(["csv", "json"]),
  content: z.string().min(1).max(20_000_000),
});
export const buildKnowledgeInput = z.object({
  workflowId,
  datasetId: z.string().min(1).max(200),
  before: z.coerce.date(),
  resolutionField: z.string().trim().max(200).optional(),
  include: z.enum(["resolved", "all"]).optional(),
  limit: z.number().int().min(1).max(20_000).optional(),
});

async function readable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof KnowledgeImportError)
      throw new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
    throw error;
  }
}

/** A workflow's knowledge base of known resolutions, read by match nodes set to use it. */
export const knowledgeRouter = router({
  list: procedureFor("admin", "owner")
    .input(
      z.object({
        workflowId,
        search: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(500).optional(),
        offset: z.number().int().min(0).optional(),
      }),
    )
    .query(({ ctx, input }) => listEntries(ctx.db, input.workflowId, input)),
  /** Imports the rows that are valid and reports the others by row number. */
  import: procedureFor("admin", "owner")
    .input(importKnowledgeInput)
    .mutation(({ ctx, input }) =>
      readable(async () => {
        const parsed = parseEntries(input.format, input.content);
        const added = await addEntries(ctx.db, input.workflowId, parsed.entries, "import");
        return { added, skipped: parsed.skipped, errors: parsed.errors };
      }),
    ),
  buildFromDataset: procedureFor("admin", "owner")
    .input(buildKnowledgeInput)
    .mutation(({ ctx, input }) =>
      buildFromDataset(ctx.db, { ...input, resolutionField: input.resolutionField || undefined }),
    ),
  deleteEntry: procedureFor("admin", "owner")
    .input(z.object({ workflowId, entryKey: z.string().min(1).max(200) }))
    .mutation(({ ctx, input }) => deleteEntry(ctx.db, input.workflowId, input.entryKey)),
  clear: procedureFor("admin", "owner")
    .input(z.object({ workflowId }))
    .mutation(({ ctx, input }) => clearEntries(ctx.db, input.workflowId)),
});
