"use client";

import { Bell } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { useMarkAlertsRead, useMonitoringAlerts } from "./use-monitoring";

/** The in-app alerts (volume episodes, drift flags), newest first; an admin marks them read. */
export function AlertsList() {
  const alerts = useMonitoringAlerts();
  const markRead = useMarkAlertsRead();
  const unread = alerts.data?.filter((a) => a.readAt === null).length ?? 0;
  return (
    <Card className="p-4" data-testid="monitoring-alerts">
      <div className="flex items-center justify-between">
        <h2 className="flex items-center gap-1.5 text-sm font-semibold text-slate-900">
          <Bell className="h-4 w-4" aria-hidden /> Alerts {unread > 0 ? `(${unread} unread)` : ""}
        </h2>
        {unread > 0 ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={markRead.isPending}
            onClick={() => markRead.mutate({})}
          >
            Mark all read
          </Button>
        ) : null}
      </div>
      {alerts.data && alerts.data.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">No alert so far.</p>
      ) : null}
      <ul className="mt-2 divide-y divide-slate-100">
        {alerts.data?.map((alert) => (
          <li key={alert.id} className="py-2 text-sm">
            <p className={alert.readAt === null ? "font-semibold text-slate-900" : "text-slate-700"}>
              {alert.title}
            </p>
            <p className="text-slate-600">{alert.body}</p>
            <p className="text-xs text-slate-500">
              {formatDateTime(alert.createdAt)}
              {alert.delivery
                ? ` · webhook: ${alert.delivery === "pending" ? "waiting for a worker to send it" : alert.delivery}`
                : ""}
            </p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
