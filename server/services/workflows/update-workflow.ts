import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { workflows } from "../../db/schema";

export interface UpdateWorkflowInput {
  workflowId: string;
  name?: string;
  description?: string;
  mapNotes?: string;
}

/** Name, description and map notes: workflow metadata, not part of the versioned graph. */
export async function updateWorkflow(db: Db, input: UpdateWorkflowInput) {
  const { workflowId, ...changes } = input;
  const [updated] = await db
    .update(workflows)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(workflows.id, workflowId))
    .returning({
      id: workflows.id,
      name: workflows.name,
      description: workflows.description,
      mapNotes: workflows.mapNotes,
    });
  if (!updated)
    throw new TRPCError({
      code: "NOT_FOUND",
      message: "That workflow does not exist (it may have been deleted).",
    });
  return updated;
}
