import crypto from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { ConnectorGateway } from "@/lib/engine/ports";
import type { MonitoringAlertKind } from "@/lib/monitoring/types";
import type { Db } from "../../db/client";
import { monitoringAlerts, workflows } from "../../db/schema";
import { monitoringSettingsFor } from "./settings";

type AlertInput = { workflowId: string; kind: MonitoringAlertKind; title: string; body: string; at?: Date };

/** Alerts raised where no gateway is at hand wait as `pending` for the next one that has. */
export const PENDING_DELIVERY = "pending";
const SENDING = "sending";
const gatewaysByDb = new WeakMap<Db, ConnectorGateway>();

/**
 * Names the process's connector gateway (the worker's: one per process, its breakers in memory) for alerts
 * raised away from the run path — a drift flag raised because someone opened the dashboard.
 */
export function setAlertGateway(db: Db, gateway: ConnectorGateway): void {
  gatewaysByDb.set(db, gateway);
}

/**
 * Tells the admins in the app (the Monitoring page and its nav badge) and, when the workflow's settings name
 * a webhook operation, through that connector too: at once when a gateway is at hand (`notify`, else the
 * process's), otherwise by the next run-path look at the workflow (`deliverPendingAlerts`). Each alert is
 * delivered once; how it went is recorded. A failed delivery never fails the caller.
 */
export async function raiseAlert(db: Db, alert: AlertInput, notify?: ConnectorGateway): Promise<void> {
  const id = crypto.randomUUID();
  const { alertConnectorId, alertOperation } = await monitoringSettingsFor(db, alert.workflowId);
  await db.insert(monitoringAlerts).values({
    id,
    workflowId: alert.workflowId,
    kind: alert.kind,
    title: alert.title,
    body: alert.body,
    createdAt: alert.at ?? new Date(),
    delivery: alertConnectorId && alertOperation ? PENDING_DELIVERY : null,
  });
  console.log(`[switchboard] monitoring alert for workflow ${alert.workflowId}: ${alert.title}`);
  const gateway = notify ?? gatewaysByDb.get(db);
  if (gateway && alertConnectorId && alertOperation) await deliverAlert(db, id, gateway);
}

/** Sends the alerts still waiting for a gateway (oldest first, a few at a time). */
export async function deliverPendingAlerts(db: Db, gateway: ConnectorGateway, workflowId?: string) {
  const pending = await db
    .select({ id: monitoringAlerts.id })
    .from(monitoringAlerts)
    .where(
      and(
        eq(monitoringAlerts.delivery, PENDING_DELIVERY),
        workflowId ? eq(monitoringAlerts.workflowId, workflowId) : undefined,
      ),
    )
    .orderBy(asc(monitoringAlerts.createdAt))
    .limit(20);
  for (const { id } of pending) await deliverAlert(db, id, gateway);
  return pending.length;
}

async function deliverAlert(db: Db, id: string, gateway: ConnectorGateway): Promise<void> {
  // Claimed first, so two processes that both see it pending cannot both send it.
  const [alert] = await db
    .update(monitoringAlerts)
    .set({ delivery: SENDING })
    .where(and(eq(monitoringAlerts.id, id), eq(monitoringAlerts.delivery, PENDING_DELIVERY)))
    .returning();
  if (!alert) return;
  const { alertConnectorId, alertOperation } = await monitoringSettingsFor(db, alert.workflowId);
  let delivery: string;
  if (!alertConnectorId || !alertOperation) {
    delivery = "not sent: the webhook was removed before it could be sent";
  } else {
    try {
      const result = await gateway.call({
        connectorId: alertConnectorId,
        operation: alertOperation,
        kind: "write",
        input: {
          workflowId: alert.workflowId,
          kind: alert.kind,
          title: alert.title,
          body: alert.body,
          at: alert.createdAt.toISOString(),
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
