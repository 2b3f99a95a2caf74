import type { ConnectorGateway } from "@/lib/engine/ports";
import type { Db } from "../../db/client";
import { deliverPendingAlerts } from "./alerts";
import { evaluateDrift } from "./drift/evaluate-drift";
import { evaluateVolumeGuard, type VolumeGuardState } from "./volume/evaluate-volume-guard";

/** How long a worker trusts its last look at a workflow's volume: one window query per workflow per 5 s. */
const GATE_INTERVAL_MS = 5_000;
/** Drift moves over days: judging it every ten minutes per workflow is plenty, and keeps runs cheap. */
const DRIFT_INTERVAL_MS = 10 * 60_000;

const QUIET: VolumeGuardState = { open: false, episodeId: null, action: null, judgement: null };
const gates = new WeakMap<Db, Map<string, { atMs: number; state: Promise<VolumeGuardState> }>>();
const driftJudgedAt = new WeakMap<Db, Map<string, number>>();

function mapFor<V>(store: WeakMap<Db, Map<string, V>>, db: Db): Map<string, V> {
  let map = store.get(db);
  if (!map) store.set(db, (map = new Map()));
  return map;
}

/** Flags are raised where items run too, not only when someone opens the dashboard. */
async function judgeDriftNowAndThen(
  db: Db,
  workflowId: string,
  nowMs: number,
  notify?: ConnectorGateway,
): Promise<void> {
  const judged = mapFor(driftJudgedAt, db);
  const last = judged.get(workflowId);
  if (last !== undefined && nowMs >= last && nowMs - last < DRIFT_INTERVAL_MS) return;
  judged.set(workflowId, nowMs);
  await evaluateDrift(db, workflowId, new Date(nowMs), notify);
}

/**
 * Monitoring as the run path asks it, before a live item runs: the volume guard's state (and, every ten
 * minutes, a drift judgement), cached per database and workflow so a batch of items costs one evaluation.
 * Keyed on the run's clock, so a test's simulated clock moving on re-evaluates. A failure lets items run
 * normally: monitoring must never stop the queue.
 */
export function monitoringGate(
  db: Db,
  workflowId: string,
  nowMs: number,
  /** The process's connector gateway, for the alert webhook. */
  notify?: ConnectorGateway,
): Promise<VolumeGuardState> {
  const byWorkflow = mapFor(gates, db);
  const cached = byWorkflow.get(workflowId);
  if (cached && nowMs >= cached.atMs && nowMs - cached.atMs < GATE_INTERVAL_MS) return cached.state;
  const state = (async () => {
    try {
      const guard = await evaluateVolumeGuard(db, workflowId, new Date(nowMs), notify);
      await judgeDriftNowAndThen(db, workflowId, nowMs, notify);
      // Alerts raised where no gateway was at hand (a dashboard look in a process without a worker).
      if (notify) await deliverPendingAlerts(db, notify, workflowId);
      return guard;
    } catch (error) {
      console.error(`[switchboard] monitoring of workflow ${workflowId} failed`, error);
      return QUIET;
    }
  })();
  byWorkflow.set(workflowId, { atMs: nowMs, state });
  return state;
}
