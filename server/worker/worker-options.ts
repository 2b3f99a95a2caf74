import type { Database } from "../db/client";
import { createLiveConnectorGateway } from "../integrations/live-gateway";
import { evaluateCanaryGuard } from "../services/lifecycle/canary-guard";
import { setAlertGateway } from "../services/monitoring/alerts";
import { recordCircuitChanges } from "../services/monitoring/circuit-events";
import type { ItemWorkerOptions } from "../services/queue/item-worker";

function positiveInteger(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** A worker's settings, from the environment (documented in the README). */
export function workerOptions(database: Database, log: (message: string) => void): ItemWorkerOptions {
  const connectors = createLiveConnectorGateway(database, {
    onCircuitChange: recordCircuitChanges(database.db),
  });
  // Alerts raised off the run path (a dashboard look) reach the webhook through the same gateway.
  setAlertGateway(database.db, connectors);
  return {
    connectors,
    batchSize: positiveInteger("SWITCHBOARD_WORKER_BATCH", 64),
    loops: positiveInteger("SWITCHBOARD_WORKER_LOOPS", 2),
    maintenanceIntervalSeconds: positiveInteger("SWITCHBOARD_QUEUE_MAINTENANCE_SECONDS", 10),
    deferSeconds: positiveInteger("SWITCHBOARD_DEFER_SECONDS", 60),
    // The guard throttles itself per workflow; a rollback it makes is recorded and shown in the app.
    onLiveOutcomes(workflowIds) {
      for (const workflowId of workflowIds) {
        evaluateCanaryGuard(database.db, workflowId).then(
          (verdict) =>
            verdict.rolledBack && log(`canary guard rolled back workflow ${workflowId}: ${verdict.reason}`),
          (error: unknown) => log(`canary guard failed for workflow ${workflowId}: ${String(error)}`),
        );
      }
    },
    log,
  };
}
