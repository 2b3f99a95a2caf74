import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import { desc, eq, sql } from "drizzle-orm";
import type { Graph } from "@/lib/engine/graph/graph-schema";
import type { Db } from "../../db/client";
import { validateWorkflowGraph } from "./validate-workflow-graph";
import { user, workflows, workflowVersions } from "../../db/schema";
import type { ValidationSnapshot } from "../../db/schema/json-types";
import { isUniqueViolation, workflowNotFound } from "./errors";
import { loadTestCases } from "./load";
import { runSpecTests } from "./run-spec-tests";
import { testCaseFromRow } from "./test-case-rows";

export interface SaveDraftInput {
  workflowId: string;
  graph: Graph;
  note?: string;
  /** The version the editor opened. A save based on an older version than the newest is a conflict… */
  baseVersion: number;
  /** …unless the owner chose to keep theirs as a new draft anyway. */
  asNewDraft?: boolean;
}

/** Saves a graph as a new immutable draft version. Invalid graphs are saved too (drafts are work in progress). */
export async function saveDraft(db: Db, authorId: string, input: SaveDraftInput) {
  const validation = await validateWorkflowGraph(db, input.graph);
  const saved = await insertVersion(db, authorId, input, validation);
  // The spec runs on every save, so the owner sees at once which cases the change broke.
  const tests = await runSpecTests(
    input.graph,
    (await loadTestCases(db, input.workflowId)).map(testCaseFromRow),
  );
  return { ...saved, tests };
}

async function insertVersion(
  db: Db,
  authorId: string,
  input: SaveDraftInput,
  validation: ValidationSnapshot,
) {
  try {
    return await db.transaction(async (tx) => {
      // Serialise saves of one workflow, so the version check below cannot race.
      const [workflow] = await tx
        .select({ id: workflows.id })
        .from(workflows)
        .where(eq(workflows.id, input.workflowId))
        .for("update");
      if (!workflow) throw workflowNotFound();
      const [latest] = await tx
        .select({
          version: workflowVersions.version,
          authorName: user.name,
          createdAt: workflowVersions.createdAt,
        })
        .from(workflowVersions)
        .leftJoin(user, eq(user.id, workflowVersions.authorId))
        .where(eq(workflowVersions.workflowId, input.workflowId))
        .orderBy(desc(workflowVersions.version))
        .limit(1);
      const newest = latest?.version ?? 0;
      if (newest !== input.baseVersion && !input.asNewDraft) {
        throw new TRPCError({
          code: "CONFLICT",
          message: `${latest?.authorName ?? "Someone"} saved version ${newest} after you opened version ${input.baseVersion}. Reload to see their changes, or save yours as a new draft.`,
        });
      }
      const id = crypto.randomUUID();
      const version = newest + 1;
      await tx.insert(workflowVersions).values({
        id,
        workflowId: input.workflowId,
        version,
        graph: input.graph,
        note: input.note ?? "",
        authorId,
        validation,
      });
      await tx
        .update(workflows)
        .set({ updatedAt: sql`now()` })
        .where(eq(workflows.id, input.workflowId));
      return { id, version, validation };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new TRPCError({
        code: "CONFLICT",
        message: "Another save of this workflow happened at the same moment. Reload, then save again.",
      });
    }
    throw error;
  }
}
