import crypto from "node:crypto";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { ConnectorGateway } from "@/lib/engine/ports";
import type { MonitoringAlertKind } from "@/lib/monitoring/types";
import type { Db } from "../../db/client";
import { monitoringAlerts, workflows } from "../../db/schema";
import { monitoringSettingsFor } from "./settings";

/**
 * Tells the admins in the app (the Monitoring page and its nav badge), and — when `notify` (the process's
 * connector gateway) is given and the workflow's settings name a webhook operation — through that connector
 * too, recording how the delivery went. A failed delivery never fails the caller.
 */
export async function raiseAlert(
  db: Db,
  alert: { workflowId: string; kind: MonitoringAlertKind; title: string; body: string; at?: Date },
  notify?: ConnectorGateway,
): Promise<void> {
  const id = crypto.randomUUID();
  await db.insert(monitoringAlerts).values({
    id,
    workflowId: alert.workflowId,
    kind: alert.kind,
    title: alert.title,
    body: alert.body,
    createdAt: alert.at ?? new Date(),
  });
  console.log(`[switchboard] monitoring alert for workflow ${alert.workflowId}: ${alert.title}`);
  if (notify) await deliverAlert(db, id, alert, notify);
}

async function deliverAlert(
  db: Db,
  id: string,
  alert: { workflowId: string; kind: MonitoringAlertKind; title: string; body: string; at?: Date },
  notify: ConnectorGateway,
): Promise<void> {
  const { alertConnectorId, alertOperation } = await monitoringSettingsFor(db, alert.workflowId);
  if (!alertConnectorId || !alertOperation) return;
  let delivery: string;
  try {
    const result = await notify.call({
      connectorId: alertConnectorId,
      operation: alertOperation,
      kind: "write",
      input: {
        workflowId: alert.workflowId,
        kind: alert.kind,
        title: alert.title,
        body: alert.body,
        at: (alert.at ?? new Date()).toISOString(),
      },
      // One alert is one delivery, however often the gateway retries it.
      idempotencyKey: `monitoring-alert:${id}`,
    });
    delivery =
      result.status === "ok"
        ? "sent"
        : `not sent: ${result.status === "unavailable" ? result.reason : result.message}`;
  } catch (error) {
    delivery = `not sent: ${error instanceof Error ? error.message : String(error)}`;
  }
  await db.update(monitoringAlerts).set({ delivery }).where(eq(monitoringAlerts.id, id));
}

export async function listAlerts(db: Db, options: { unreadOnly?: boolean; limit?: number } = {}) {
  return db
    .select({
      id: monitoringAlerts.id,
      workflowId: monitoringAlerts.workflowId,
      workflowName: workflows.name,
      kind: monitoringAlerts.kind,
      title: monitoringAlerts.title,
      body: monitoringAlerts.body,
      createdAt: monitoringAlerts.createdAt,
      readAt: monitoringAlerts.readAt,
      delivery: monitoringAlerts.delivery,
    })
    .from(monitoringAlerts)
    .innerJoin(workflows, eq(workflows.id, monitoringAlerts.workflowId))
    .where(options.unreadOnly ? isNull(monitoringAlerts.readAt) : undefined)
    .orderBy(desc(monitoringAlerts.createdAt))
    .limit(options.limit ?? 50);
}

export async function unreadAlertCount(db: Db): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(monitoringAlerts)
    .where(isNull(monitoringAlerts.readAt));
  return row?.count ?? 0;
}

/** Marks alerts read (all unread ones when no id is given). */
export async function markAlertsRead(db: Db, userId: string, ids?: string[]) {
  const unread = isNull(monitoringAlerts.readAt);
  const where = ids && ids.length > 0 ? and(unread, inArray(monitoringAlerts.id, ids)) : unread;
  await db.update(monitoringAlerts).set({ readAt: new Date(), readBy: userId }).where(where);
}
