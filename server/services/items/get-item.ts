import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { items, user, workflows } from "../../db/schema";
import { itemView, type ItemView } from "../reviews/item-text";
import { itemShapesOf } from "./item-shapes";
import type { ItemLabel, ItemMode, ItemStatus, LabelSource } from "../../db/schema";
import type { Outcome, Trace } from "@/lib/engine/run/outcome";

export interface ItemDetail {
  id: string;
  workflowId: string;
  workflowName: string;
  versionId: string | null;
  externalId: string;
  mode: ItemMode;
  status: ItemStatus;
  payload: Record<string, unknown>;
  /** The payload split into its text and other fields, following the trigger. */
  view: ItemView;
  outcome: Outcome | null;
  trace: Trace | null;
  label: ItemLabel | null;
  labelSource: LabelSource | null;
  labeledByName: string | null;
  labeledAt: Date | null;
  receivedAt: Date;
  processedAt: Date | null;
  attempts: number;
  lastError: string | null;
  /** Null for items sent from the app (uploads); the key's id for items sent through the API. */
  apiKeyId: string | null;
}

/** One item with its outcome, trace and (once known) what the humans decided. */
export async function getItem(db: Db, itemId: string): Promise<ItemDetail> {
  const [row] = await db
    .select({
      item: items,
      workflowName: workflows.name,
      labeledByName: user.name,
    })
    .from(items)
    .innerJoin(workflows, eq(workflows.id, items.workflowId))
    .leftJoin(user, eq(user.id, items.labeledBy))
    .where(eq(items.id, itemId));
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "That item does not exist." });
  const { item } = row;
  const shape = item.versionId ? (await itemShapesOf(db, [item.versionId])).get(item.versionId) : undefined;
  return {
    id: item.id,
    workflowId: item.workflowId,
    workflowName: row.workflowName,
    versionId: item.versionId,
    externalId: item.externalId,
    mode: item.mode,
    status: item.status,
    payload: item.payload,
    view: itemView(item.payload, shape ?? null),
    outcome: item.outcome,
    trace: item.trace,
    label: item.label,
    labelSource: item.labelSource,
    labeledByName: row.labeledByName,
    labeledAt: item.labeledAt,
    receivedAt: item.receivedAt,
    processedAt: item.processedAt,
    attempts: item.attempts,
    lastError: item.lastError,
    apiKeyId: item.apiKeyId,
  };
}
