import { z } from "zod";
import { listAlerts, markAlertsRead, unreadAlertCount } from "../services/monitoring/alerts";
import { workflowDashboard } from "../services/monitoring/dashboard";
import { monitoringOverview } from "../services/monitoring/overview";
import { MONTH_PATTERN } from "../services/monitoring/review/month";
import { monthlyReview } from "../services/monitoring/review/monthly-review";
import {
  monitoringSettingsFor,
  monitoringSettingsInput,
  saveMonitoringSettings,
} from "../services/monitoring/settings";
import { procedureFor, router } from "../trpc";

const workflowId = z.string().min(1).max(200);
const mode = z.enum(["live", "shadow"]).optional();
export const dashboardInput = z.object({
  workflowId,
  days: z.number().int().min(1).max(366),
  granularity: z.enum(["day", "week"]),
  mode,
});
export const reviewInput = z.object({
  workflowId,
  month: z.string().regex(MONTH_PATTERN, "Use a month as YYYY-MM."),
  mode,
});

/** Owners and admins watch workflows; only admins set the bands and the volume guard, and work the alerts. */
export const monitoringRouter = router({
  overview: procedureFor("admin", "owner").query(({ ctx }) => monitoringOverview(ctx.db)),
  dashboard: procedureFor("admin", "owner")
    .input(dashboardInput)
    .query(({ ctx, input }) => workflowDashboard(ctx.db, input)),
  settings: procedureFor("admin", "owner")
    .input(z.object({ workflowId }))
    .query(async ({ ctx, input }) => ({
      settings: await monitoringSettingsFor(ctx.db, input.workflowId),
      canEdit: ctx.user.role === "admin",
    })),
  saveSettings: procedureFor("admin")
    .input(monitoringSettingsInput.extend({ workflowId }))
    .mutation(({ ctx, input }) => saveMonitoringSettings(ctx.db, ctx.user.id, input)),
  review: procedureFor("admin", "owner")
    .input(reviewInput)
    .query(({ ctx, input }) => monthlyReview(ctx.db, input)),
  // Alerts are meant for admins; owners may read them too (the nav badge and the overview show them).
  alerts: procedureFor("admin", "owner")
    .input(z.object({ unreadOnly: z.boolean().optional() }).optional())
    .query(({ ctx, input }) => listAlerts(ctx.db, { unreadOnly: input?.unreadOnly })),
  unreadAlertCount: procedureFor("admin", "owner").query(({ ctx }) => unreadAlertCount(ctx.db)),
  markAlertsRead: procedureFor("admin")
    .input(z.object({ ids: z.array(z.string().min(1).max(200)).max(500).optional() }))
    .mutation(({ ctx, input }) => markAlertsRead(ctx.db, ctx.user.id, input.ids)),
});
