import { eq, sql } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { DriftBand } from "@/lib/monitoring/drift";
import type { VolumeGuardConfig } from "@/lib/monitoring/volume-guard";
import type { Db } from "../../db/client";
import { connectors, monitoringSettings } from "../../db/schema";
import { loadWorkflow } from "../workflows/load";

export const monitoringSettingsInput = z.object({
  accuracyDropPoints: z.number().min(0.5).max(50),
  escalationRisePoints: z.number().min(0.5).max(50),
  latencyP95Multiplier: z.number().min(1).max(100),
  confidenceDropPoints: z.number().min(0.5).max(100),
  driftWindowDays: z.number().int().min(1).max(90),
  driftMinSample: z.number().int().min(1).max(100_000),
  volumeGuardEnabled: z.boolean(),
  volumeWindowMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  volumeMultiplier: z.number().min(1.1).max(1000),
  volumeZScore: z.number().min(1).max(100).nullable(),
  volumeMinItems: z.number().int().min(1).max(1_000_000),
  volumeAction: z.enum(["escalate", "pause"]),
  /** A connector's write operation that receives volume and drift alerts (a webhook); both null for in-app only. */
  alertConnectorId: z.string().min(1).max(200).nullable(),
  alertOperation: z.string().min(1).max(200).nullable(),
});
export type MonitoringSettingsInput = z.infer<typeof monitoringSettingsInput>;

/** The defaults a workflow has until an admin sets its own (the table's column defaults, stated once). */
export const DEFAULT_MONITORING_SETTINGS: MonitoringSettingsInput = {
  accuracyDropPoints: 5,
  escalationRisePoints: 5,
  latencyP95Multiplier: 2,
  confidenceDropPoints: 10,
  driftWindowDays: 7,
  driftMinSample: 30,
  volumeGuardEnabled: true,
  volumeWindowMinutes: 60,
  volumeMultiplier: 3,
  volumeZScore: null,
  volumeMinItems: 20,
  volumeAction: "escalate",
  alertConnectorId: null,
  alertOperation: null,
};

export async function monitoringSettingsFor(db: Db, workflowId: string): Promise<MonitoringSettingsInput> {
  const [row] = await db
    .select()
    .from(monitoringSettings)
    .where(eq(monitoringSettings.workflowId, workflowId));
  if (!row) return DEFAULT_MONITORING_SETTINGS;
  const { workflowId: _workflow, updatedBy: _by, updatedAt: _at, ...settings } = row;
  return settings;
}

/** A webhook for alerts must be a write operation of an existing connector (or none at all). */
async function checkAlertConnector(db: Db, connectorId: string | null, operation: string | null) {
  if (connectorId === null && operation === null) return;
  const refuse = (message: string) => {
    throw new TRPCError({ code: "BAD_REQUEST", message });
  };
  if (connectorId === null || operation === null)
    return refuse("Name both the alert connector and its operation, or neither.");
  const [connector] = await db.select().from(connectors).where(eq(connectors.id, connectorId));
  if (!connector) return refuse(`There is no connector "${connectorId}".`);
  const found = connector.operations.find((op) => op.name === operation);
  if (!found || found.kind !== "write") {
    return refuse(`${connector.name} has no write operation "${operation}" to send alerts with.`);
  }
}

/** An admin sets the bands and the guard; the next evaluation uses them. */
export async function saveMonitoringSettings(
  db: Db,
  actorId: string,
  input: MonitoringSettingsInput & { workflowId: string },
) {
  await loadWorkflow(db, input.workflowId);
  await checkAlertConnector(db, input.alertConnectorId, input.alertOperation);
  const { workflowId, ...settings } = input;
  await db
    .insert(monitoringSettings)
    .values({ workflowId, ...settings, updatedBy: actorId })
    .onConflictDoUpdate({
      target: monitoringSettings.workflowId,
      set: { ...settings, updatedBy: actorId, updatedAt: sql`now()` },
    });
  return monitoringSettingsFor(db, workflowId);
}

export const driftBandOf = (s: MonitoringSettingsInput): DriftBand => ({
  accuracyDropPoints: s.accuracyDropPoints,
  escalationRisePoints: s.escalationRisePoints,
  latencyP95Multiplier: s.latencyP95Multiplier,
  windowDays: s.driftWindowDays,
  minSample: s.driftMinSample,
});

export const volumeConfigOf = (s: MonitoringSettingsInput): VolumeGuardConfig => ({
  windowMinutes: s.volumeWindowMinutes,
  multiplier: s.volumeMultiplier,
  zScore: s.volumeZScore,
  minItems: s.volumeMinItems,
});
