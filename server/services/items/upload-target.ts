import { TRPCError } from "@trpc/server";
import { eq, inArray } from "drizzle-orm";
import type { ItemFieldType } from "@/lib/engine/node-definition";
import type { Db } from "../../db/client";
import { workflows, workflowVersions, type WorkflowStage } from "../../db/schema";
import { itemRoutes } from "../ingest/routing";
import { shapeOf } from "../reviews/item-text";

export interface UploadField {
  name: string;
  /** The trigger's label for the field, when it gives one. */
  label?: string;
  type: ItemFieldType;
  required: boolean;
  values?: readonly string[];
}

export interface UploadTarget {
  workflowId: string;
  workflowName: string;
  stage: WorkflowStage;
  /** Whether the workflow takes items now (it runs in shadow or live); when not, `notAccepting` says why. */
  accepting: boolean;
  notAccepting?: string;
  /** The versions an item will run on (live, shadow): it must fit each one's trigger. */
  versions: { id: string; version: number; role: "live" | "shadow" }[];
  /** The fields items must have: those of every version's trigger, required where any requires them. */
  fields: UploadField[];
  idField: string | null;
  textField: string | null;
}

const NOT_ACCEPTING: Record<WorkflowStage, string> = {
  draft: "This workflow is a draft: it takes items once it runs in shadow or live (see its Overview).",
  validated:
    "This workflow is validated but not yet in shadow: it takes items once it runs in shadow or live.",
  shadow: "This workflow has no version in shadow yet, so it cannot take items.",
  live: "This workflow has no live version, so it cannot take items.",
  paused: "This workflow has no live version, so it cannot take items.",
};

/**
 * What an upload's columns must map to, by the rules ingest applies: the trigger fields of the live and
 * the shadow version (each item must fit both), and whether the workflow takes items at all.
 */
export async function uploadTarget(db: Db, workflowId: string): Promise<UploadTarget> {
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
    .where(eq(workflows.id, workflowId));
  if (!workflow) throw new TRPCError({ code: "NOT_FOUND", message: "That workflow no longer exists." });

  const roles = [
    { id: workflow.liveVersionId, role: "live" as const },
    { id: workflow.shadowVersionId, role: "shadow" as const },
  ].filter((v): v is { id: string; role: "live" | "shadow" } => v.id !== null);
  const rows = roles.length
    ? await db
        .select({ id: workflowVersions.id, version: workflowVersions.version, graph: workflowVersions.graph })
        .from(workflowVersions)
        .where(
          inArray(
            workflowVersions.id,
            roles.map((r) => r.id),
          ),
        )
    : [];
  const versions = roles.flatMap(({ id, role }) => {
    const row = rows.find((r) => r.id === id);
    return row ? [{ ...row, role }] : [];
  });

  const fields = new Map<string, UploadField>();
  let idField: string | null = null;
  let textField: string | null = null;
  for (const version of versions) {
    const shape = shapeOf(version);
    if (!shape) continue;
    idField ??= shape.idField;
    textField ??= shape.textField;
    const labels = triggerLabels(version.graph.nodes);
    for (const f of shape.fields) {
      const known = fields.get(f.name);
      if (known) {
        known.required ||= f.required;
        continue;
      }
      fields.set(f.name, {
        name: f.name,
        ...(labels.has(f.name) ? { label: labels.get(f.name) } : {}),
        type: f.type,
        required: f.required,
        ...(f.values ? { values: f.values } : {}),
      });
    }
  }
  const accepting = itemRoutes(workflow, "probe") !== null && fields.size > 0;
  return {
    workflowId,
    workflowName: workflow.name,
    stage: workflow.stage,
    accepting,
    ...(accepting ? {} : { notAccepting: NOT_ACCEPTING[workflow.stage] }),
    versions: versions.map(({ id, version, role }) => ({ id, version, role })),
    fields: [...fields.values()],
    idField,
    textField,
  };
}

/** The labels the trigger gives its fields (the compiled shape keeps only names and types). */
function triggerLabels(
  nodes: readonly { type: string; config: Record<string, unknown> }[],
): Map<string, string> {
  const labels = new Map<string, string>();
  const config = nodes.find((node) => node.type === "trigger")?.config;
  const declared: unknown[] = Array.isArray(config?.fields) ? config.fields : [];
  for (const field of declared) {
    if (typeof field !== "object" || field === null) continue;
    const { name, label } = field as { name?: unknown; label?: unknown };
    if (typeof name === "string" && typeof label === "string" && label.trim()) labels.set(name, label);
  }
  return labels;
}
