import { livePorts } from "@/lib/engine/modes/live-ports";
import { shadowPorts } from "@/lib/engine/modes/shadow-ports";
import type { Clock, ConnectorGateway, Models, Ports } from "@/lib/engine/ports";
import type { Outcome, Trace } from "@/lib/engine/run/outcome";
import { runItem } from "@/lib/engine/run/run-item";
import type { Db } from "../../db/client";
import type { ItemMode, ItemStatus } from "../../db/schema";
import { liveWorkflowKnowledge } from "../knowledge/knowledge-entries";
import { runModels } from "../models/run-models";
import { collectingReviewQueue, type PendingReviewTask } from "../reviews/pending-review-tasks";
import { taskTitle } from "../reviews/task-title";
import { volumeEscalation } from "../monitoring/volume/volume-escalation";
import { monitoringGate } from "../monitoring/run-path-gate";
import { overridesForRun } from "../thresholds/thresholds-in-force";
import { compiledVersion } from "./compiled-versions";
import { loadVersionById } from "./published-version";

export interface RunDeps {
  /** The process's live gateway (shadow mode suppresses its writes). Required: connector calls are real I/O. */
  connectors: ConnectorGateway;
  models?: Models;
  clock?: Clock;
  /**
   * Threshold overrides already read, by `workflowId:versionId`: a worker reads them once per batch
   * instead of once per item (an admin's change applies from the next batch).
   */
  overridesCache?: Map<string, Promise<Record<string, number> | undefined>>;
  /** The item outlived its connector's retry_later bound: escalate rather than park it again. */
  retryLaterExpired?: boolean;
}

/** What a stored item needs to be run again: rows are run by id, so a retry repeats nothing it did. */
export interface StoredItem {
  id: string;
  workflowId: string;
  versionId: string;
  externalId: string;
  payload: Record<string, unknown>;
  mode: ItemMode;
}

export interface ItemRunResult {
  status: ItemStatus;
  outcome: Outcome;
  trace: Trace | null;
  reviewTaskId?: string;
  /** Review tasks the run asked for (live only): the caller stores them with the outcome, in one transaction. */
  reviewTasks: PendingReviewTask[];
}

export const realClock: Clock = { now: () => Date.now(), monotonic: () => performance.now() };

export function statusFor(outcome: Outcome, mode: ItemMode): ItemStatus {
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
 * Runs a stored item through the version it was queued for, with the admin's threshold overrides in force.
 * Live: connector writes happen (their idempotency keys are derived from the item id, so a re-run after a
 * crash repeats no side effect) and an escalation asks for a review task, returned for the caller to store
 * with the outcome. Shadow: writes are suppressed and a task only recorded. Stores nothing itself.
 */
export async function runStoredItem(db: Db, item: StoredItem, deps: RunDeps): Promise<ItemRunResult> {
  const clock = deps.clock ?? realClock;
  const version = await loadVersionById(db, item.versionId);
  const compiled = compiledVersion(version);
  const models = deps.models ?? runModels(db, { workflow: { id: item.workflowId, compiled } });
  // Indexed once per knowledge-base version and kept across items (services/knowledge/knowledge-port.ts).
  const knowledge = liveWorkflowKnowledge(db, item.workflowId);
  const reviewQueue = collectingReviewQueue(
    {
      id: item.id,
      workflowId: item.workflowId,
      versionId: item.versionId,
      title: taskTitle(item.payload, compiled.itemShape.textField, item.externalId),
    },
    clock,
  );
  // Monitoring (services/monitoring/run-path-gate.ts): the volume guard and drift are judged as items run, in
  // either mode; while an episode with action "escalate" is open, a live item runs without side effects and
  // goes to a person with reason "volume".
  const volume = await monitoringGate(db, item.workflowId, clock.now(), deps.connectors);
  const escalateForVolume = item.mode === "live" && volume.open && volume.action === "escalate";
  const ports: Ports =
    item.mode === "live" && !escalateForVolume
      ? livePorts({ clock, models, connectors: deps.connectors, reviewQueue, knowledge })
      : shadowPorts({ clock, models, connectors: deps.connectors, knowledge });
  const cacheKey = `${item.workflowId}:${item.versionId}`;
  let overrides = deps.overridesCache?.get(cacheKey);
  if (!overrides) {
    overrides = overridesForRun(db, item.workflowId, compiled.thresholds);
    deps.overridesCache?.set(cacheKey, overrides);
  }
  const thresholdOverrides = await overrides;
  const result = await runItem(compiled, item.payload, {
    ports,
    trace: true,
    thresholdOverrides,
    runKey: `${item.mode}:${item.id}`,
    retryLaterExpired: deps.retryLaterExpired,
  });
  if (escalateForVolume) {
    const runKey = `${item.mode}:${item.id}`;
    const forced = volumeEscalation(version.graph, result.outcome, result.trace ?? null, { ...item, runKey });
    const task = await reviewQueue.createTask(forced.request);
    return {
      status: statusFor(forced.outcome, item.mode),
      outcome: forced.outcome,
      trace: result.trace ?? null,
      reviewTaskId: task.taskId,
      reviewTasks: reviewQueue.pending,
    };
  }
  return {
    status: statusFor(result.outcome, item.mode),
    outcome: result.outcome,
    trace: result.trace ?? null,
    // A shadow run's receipt names a task that was only recorded, never created.
    reviewTaskId: item.mode === "live" ? result.reviewTask?.taskId : undefined,
    reviewTasks: reviewQueue.pending,
  };
}
