import { and, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Outcome } from "@/lib/engine/run/outcome";
import type { Db } from "../../db/client";
import { items, type ItemLabel, type ItemMode, type ItemStatus } from "../../db/schema";
import { taskTitle } from "../reviews/task-title";
import { textFieldsOf } from "./item-shapes";

export const ITEM_STATUSES = [
  "queued",
  "processing",
  "completed",
  "awaiting_review",
  "reviewed",
  "needs_info",
  "deferred",
  "error",
  "dead_letter",
  "discarded",
] as const satisfies readonly ItemStatus[];

export interface ListItemsInput {
  workflowId: string;
  statuses?: ItemStatus[];
  mode?: ItemMode;
  /** Zero-based page of `pageSize` items, newest first. */
  page?: number;
  pageSize?: number;
}

export interface ItemRow {
  id: string;
  externalId: string;
  title: string;
  mode: ItemMode;
  status: ItemStatus;
  receivedAt: Date;
  processedAt: Date | null;
  outcome: Outcome | null;
  /** What the humans decided, when known (a reviewer, or the outcome the calling system reported). */
  label: ItemLabel | null;
  attempts: number;
}

export interface ItemPage {
  items: ItemRow[];
  page: number;
  pageSize: number;
  hasMore: boolean;
  /** Items of the workflow by status (for every status, whatever the filter), for the filter's counts. */
  statusCounts: Partial<Record<ItemStatus, number>>;
}

export const DEFAULT_ITEM_PAGE_SIZE = 50;

/** A workflow's items, newest first, a page at a time. */
export async function listItems(db: Db, input: ListItemsInput): Promise<ItemPage> {
  const page = input.page ?? 0;
  const pageSize = input.pageSize ?? DEFAULT_ITEM_PAGE_SIZE;
  const filters: (SQL | undefined)[] = [
    eq(items.workflowId, input.workflowId),
    input.statuses && input.statuses.length > 0 ? inArray(items.status, input.statuses) : undefined,
    input.mode ? eq(items.mode, input.mode) : undefined,
  ];
  const [rows, counts] = await Promise.all([
    db
      .select({
        id: items.id,
        versionId: items.versionId,
        externalId: items.externalId,
        payload: items.payload,
        mode: items.mode,
        status: items.status,
        receivedAt: items.receivedAt,
        processedAt: items.processedAt,
        outcome: items.outcome,
        label: items.label,
        attempts: items.attempts,
      })
      .from(items)
      .where(and(...filters))
      .orderBy(desc(items.receivedAt), desc(items.id))
      .limit(pageSize + 1)
      .offset(page * pageSize),
    db
      .select({ status: items.status, n: count() })
      .from(items)
      .where(eq(items.workflowId, input.workflowId))
      .groupBy(items.status),
  ]);
  const shown = rows.slice(0, pageSize);
  const textFields = await textFieldsOf(
    db,
    shown.map((r) => r.versionId),
  );
  return {
    items: shown.map(({ versionId, payload, ...row }) => ({
      ...row,
      title: taskTitle(payload, (versionId && textFields.get(versionId)) || "text", row.externalId),
    })),
    page,
    pageSize,
    hasMore: rows.length > pageSize,
    statusCounts: Object.fromEntries(counts.map((c) => [c.status, c.n])),
  };
}
