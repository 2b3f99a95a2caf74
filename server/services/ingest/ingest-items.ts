import crypto from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { compileItemAdmission, RefusedItem } from "@/lib/nodes/trigger/admit-item";
import type { Db } from "../../db/client";
import { items, workflows, type WorkflowStage } from "../../db/schema";
import { enqueueItemJobs } from "../queue/item-queue";
import { compiledVersion } from "../runs/compiled-versions";
import { loadVersionById } from "../runs/published-version";
import { IngestError, type FieldError } from "./errors";
import { unstorableTextAt } from "./http/storable-json";
import { itemRoutes, type ItemRoute } from "./routing";

export const MAX_BATCH_ITEMS = 1000;

export interface IngestInput {
  workflowId: string;
  items: unknown[];
  /** The key the items came with; null when a signed-in user uploaded them in the app. */
  apiKeyId: string | null;
}

export interface AcceptedItem {
  /** Position in the request. */
  index: number;
  itemId: string;
  externalId: string;
  /** Received before (same id field): nothing new was created or queued. */
  duplicate: boolean;
}

export interface RejectedItem {
  index: number;
  errors: FieldError[];
}

export interface IngestResult {
  accepted: AcceptedItem[];
  rejected: RejectedItem[];
}

const NOT_RUNNING: Record<WorkflowStage, string> = {
  draft: "is a draft",
  validated: "is validated but not yet in shadow",
  shadow: "has no version in shadow",
  live: "has no live version",
  paused: "has no live version",
};

interface Admitted {
  index: number;
  externalId: string;
  payload: Record<string, unknown>;
  routes: ItemRoute[];
}

/**
 * Validates items against the trigger's fields of every version they will run on, stores the good ones
 * with one queued job per run, all in one transaction, and answers which were accepted (or seen before)
 * and why the others were refused. `inTransaction` runs inside that transaction (the API stores its
 * idempotent answer there, so the answer and the items commit together).
 */
export async function ingestItems(
  db: Db,
  input: IngestInput,
  inTransaction?: (tx: Db, result: IngestResult) => Promise<void>,
): Promise<IngestResult> {
  if (input.items.length > MAX_BATCH_ITEMS) {
    throw new IngestError(413, "batch_too_large", `Send at most ${MAX_BATCH_ITEMS} items per request.`);
  }
  const [workflow] = await db
    .select({
      id: workflows.id,
      name: workflows.name,
      stage: workflows.stage,
      liveVersionId: workflows.liveVersionId,
      shadowVersionId: workflows.shadowVersionId,
      canaryPercent: workflows.canaryPercent,
    })
    .from(workflows)
    .where(eq(workflows.id, input.workflowId));
  if (!workflow) throw new IngestError(404, "workflow_not_found", "There is no workflow with this id.");
  const versionIds = [workflow.liveVersionId, workflow.shadowVersionId].filter((id): id is string => !!id);
  if (!itemRoutes(workflow, "probe")) {
    throw new IngestError(
      409,
      "workflow_not_running",
      `Workflow "${workflow.name}" ${NOT_RUNNING[workflow.stage]}: it accepts items once it runs in shadow or live (see its Overview).`,
    );
  }
  const admissions = await Promise.all(
    versionIds.map(async (id) => {
      const compiled = compiledVersion(await loadVersionById(db, id));
      return { id, idField: compiled.itemShape.idField, admit: compileItemAdmission(compiled.itemShape) };
    }),
  );

  const result: IngestResult = { accepted: [], rejected: [] };
  const admitted: Admitted[] = [];
  input.items.forEach((raw, index) => {
    let payload: Record<string, unknown> | undefined;
    for (const admission of admissions) {
      const verdict = admission.admit(raw);
      if (verdict instanceof RefusedItem) {
        result.rejected.push({
          index,
          errors: verdict.problems.map((message, i) => ({ path: verdict.problemFields[i] ?? "", message })),
        });
        return;
      }
      payload ??= verdict;
    }
    // The in-app upload reaches here without the API's body checks: refuse the row, not the whole chunk.
    const unstorable = unstorableTextAt(payload);
    if (unstorable !== undefined) {
      result.rejected.push({
        index,
        errors: [{ path: unstorable, message: "Text contains a NUL character or a broken surrogate pair." }],
      });
      return;
    }
    const rawId = payload![admissions[0]!.idField];
    const externalId =
      typeof rawId === "string" || typeof rawId === "number" ? String(rawId) : `item-${crypto.randomUUID()}`;
    admitted.push({ index, externalId, payload: payload!, routes: itemRoutes(workflow, externalId)! });
  });

  await db.transaction(async (tx) => {
    const rows = admitted.flatMap((item) =>
      item.routes.map((route) => ({
        id: crypto.randomUUID(),
        workflowId: workflow.id,
        versionId: route.versionId,
        externalId: item.externalId,
        payload: item.payload,
        mode: route.mode,
        status: "queued" as const,
        apiKeyId: input.apiKeyId,
      })),
    );
    const created = rows.length
      ? await tx
          .insert(items)
          .values(rows)
          .onConflictDoNothing({ target: [items.workflowId, items.mode, items.externalId] })
          .returning({ id: items.id, externalId: items.externalId, mode: items.mode })
      : [];
    await enqueueItemJobs(
      tx,
      created.map((row) => row.id),
    );
    const createdIds = new Set(created.map((row) => row.id));
    // Some runs existed already (items seen before, or twice in this request): find the stored ones.
    const stored = [
      ...created,
      ...(created.length < rows.length
        ? await tx
            .select({ id: items.id, externalId: items.externalId, mode: items.mode })
            .from(items)
            .where(
              and(
                eq(items.workflowId, workflow.id),
                inArray(items.externalId, [...new Set(rows.map((row) => row.externalId))]),
              ),
            )
        : []),
    ];
    const idOf = new Map(stored.map((row) => [`${row.mode}\0${row.externalId}`, row.id]));
    const seen = new Set<string>();
    for (const item of admitted) {
      const itemId = idOf.get(`${item.routes[0]!.mode}\0${item.externalId}`)!;
      const duplicate = !createdIds.has(itemId) || seen.has(itemId);
      seen.add(itemId);
      result.accepted.push({ index: item.index, itemId, externalId: item.externalId, duplicate });
    }
    await inTransaction?.(tx, result);
  });
  return result;
}

export { IngestError } from "./errors";
