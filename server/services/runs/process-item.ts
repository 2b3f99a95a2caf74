import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { livePorts } from "@/lib/engine/modes/live-ports";
import { shadowPorts } from "@/lib/engine/modes/shadow-ports";
import { routeModels } from "@/lib/engine/models/route-models";
import type { Clock, ConnectorGateway, Models, Ports } from "@/lib/engine/ports";
import type { Outcome } from "@/lib/engine/run/outcome";
import { runItem } from "@/lib/engine/run/run-item";
import type { Db } from "../../db/client";
import { items, type ItemMode, type ItemStatus } from "../../db/schema";
import { drizzleReviewQueue } from "../reviews/drizzle-review-queue";
import { taskTitle } from "../reviews/task-title";
import { overridesForRun } from "../thresholds/thresholds-in-force";
import { compiledVersion } from "./compiled-versions";
import { loadPublishedVersion } from "./published-version";

export interface ProcessItemInput {
  workflowId: string;
  payload: Record<string, unknown>;
  mode?: ItemMode;
  /** When the item arrived; defaults to the clock's now. */
  receivedAt?: Date;
}

export interface ProcessItemDeps {
  /** The process's live gateway (shadow mode suppresses its writes). Required: connector calls are real I/O. */
  connectors: ConnectorGateway;
  models?: Models;
  clock?: Clock;
}

export interface ProcessedItem {
  itemId: string;
  externalId: string;
  status: ItemStatus;
  outcome: Outcome | null;
  taskId?: string;
  /** True when this item (workflow, mode, external id) had been received before: nothing ran again. */
  duplicate: boolean;
}

const realClock: Clock = { now: () => Date.now(), monotonic: () => performance.now() };

function statusFor(outcome: Outcome, mode: ItemMode): ItemStatus {
  switch (outcome.type) {
    case "escalate":
      return mode === "live" ? "awaiting_review" : "completed";
    case "deferred":
      return "deferred";
    case "error":
      return "error";
    default:
      return "completed";
  }
}

/**
 * Runs one item through the workflow's published version and stores it with its outcome and trace: the
 * admin's threshold overrides in force apply; in live mode an escalation opens a review task, in shadow
 * mode it is only recorded. The item row is written before the run, so the task can point at it, and a
 * run interrupted half-way is found again (the task's idempotency key stops a second task).
 */
export async function processItem(
  db: Db,
  input: ProcessItemInput,
  deps: ProcessItemDeps,
): Promise<ProcessedItem> {
  const mode = input.mode ?? "live";
  const clock = deps.clock ?? realClock;
  const version = await loadPublishedVersion(db, input.workflowId);
  const compiled = compiledVersion(version);
  const rawId = input.payload[compiled.itemShape.idField];
  const externalId =
    typeof rawId === "string" || typeof rawId === "number" ? String(rawId) : `item-${crypto.randomUUID()}`;

  const itemId = crypto.randomUUID();
  const [created] = await db
    .insert(items)
    .values({
      id: itemId,
      workflowId: input.workflowId,
      versionId: version.id,
      externalId,
      payload: input.payload,
      mode,
      status: "processing",
      receivedAt: input.receivedAt ?? new Date(clock.now()),
    })
    .onConflictDoNothing({ target: [items.workflowId, items.mode, items.externalId] })
    .returning({ id: items.id });
  if (!created) {
    const [existing] = await db
      .select({ id: items.id, status: items.status, outcome: items.outcome })
      .from(items)
      .where(
        and(eq(items.workflowId, input.workflowId), eq(items.mode, mode), eq(items.externalId, externalId)),
      );
    return {
      itemId: existing!.id,
      externalId,
      status: existing!.status,
      outcome: existing!.outcome,
      duplicate: true,
    };
  }

  const models = deps.models ?? routeModels();
  const title = taskTitle(input.payload, compiled.itemShape.textField, externalId);
  const ports: Ports =
    mode === "live"
      ? livePorts({
          clock,
          models,
          connectors: deps.connectors,
          reviewQueue: drizzleReviewQueue(
            db,
            { id: itemId, workflowId: input.workflowId, versionId: version.id, title },
            clock,
          ),
        })
      : shadowPorts({ clock, models, connectors: deps.connectors });
  const thresholdOverrides = await overridesForRun(db, input.workflowId, compiled.thresholds);
  const result = await runItem(compiled, input.payload, {
    ports,
    trace: true,
    thresholdOverrides,
    runKey: `${mode}:${itemId}`,
  });

  const status = statusFor(result.outcome, mode);
  await db
    .update(items)
    .set({ status, outcome: result.outcome, trace: result.trace ?? null, processedAt: new Date(clock.now()) })
    .where(eq(items.id, itemId));
  // A shadow run's receipt names a task that was only recorded, never created.
  const taskId = mode === "live" ? result.reviewTask?.taskId : undefined;
  return { itemId, externalId, status, outcome: result.outcome, taskId, duplicate: false };
}
