import { z } from "zod";
import { lifecycleOverview } from "../services/lifecycle/overview";
import { shadowReport } from "../services/lifecycle/shadow/shadow-report";
import { stageHistory } from "../services/lifecycle/stage-events";
import { cutOver } from "../services/lifecycle/transitions/cut-over";
import { pauseLive, resumeLive } from "../services/lifecycle/transitions/pause-resume";
import { rollBack } from "../services/lifecycle/transitions/rollback";
import { setCanaryPercent } from "../services/lifecycle/transitions/set-canary";
import { startShadow } from "../services/lifecycle/transitions/start-shadow";
import { stopShadow } from "../services/lifecycle/transitions/stop-shadow";
import { markValidated } from "../services/lifecycle/transitions/validate";
import { SHADOW_MIN_DAYS_RANGE, setShadowMinDays } from "../services/lifecycle/set-shadow-min-days";
import { procedureFor, router } from "../trpc";

const id = z.string().min(1).max(200);
const reason = z.string().trim().max(1000);
const percent = z.number().int().min(1).max(100);

export const workflowIdInput = z.object({ workflowId: id });
export const reasonInput = z.object({ workflowId: id, reason: reason.optional() });
export const requiredReasonInput = z.object({
  workflowId: id,
  reason: reason.min(1, "Say why: the reason is kept in the audit."),
});
export const startShadowInput = z.object({
  workflowId: id,
  versionId: id.optional(),
  reason: reason.optional(),
});
export const cutOverInput = z.object({
  workflowId: id,
  canaryPercent: percent.default(100),
  reason: reason.optional(),
  /** Only an admin may cut over before the minimum shadow period, and must say why. */
  shortenReason: reason.optional(),
});
export const setCanaryInput = z.object({ workflowId: id, percent, reason: reason.optional() });
export const shadowMinDaysInput = z.object({
  workflowId: id,
  days: z.number().int().min(SHADOW_MIN_DAYS_RANGE.min).max(SHADOW_MIN_DAYS_RANGE.max),
  reason: reason.min(3, "Say why the policy changes: the reason is kept in the audit."),
});
export const shadowReportInput = z.object({
  workflowId: id,
  limit: z.number().int().min(1).max(200).optional(),
});

/** The lifecycle is the process owner's (and the admin's); shortening the shadow period is checked in the service. */
const steward = () => procedureFor("admin", "owner");

export const lifecycleRouter = router({
  overview: steward()
    .input(workflowIdInput)
    .query(async ({ ctx, input }) => ({
      ...(await lifecycleOverview(ctx.db, input.workflowId)),
      /** Only an admin may shorten the shadow period: the form asks for a reason then. */
      viewerIsAdmin: ctx.user.role === "admin",
    })),
  history: steward()
    .input(workflowIdInput)
    .query(({ ctx, input }) => stageHistory(ctx.db, input.workflowId)),
  shadowReport: steward()
    .input(shadowReportInput)
    .query(({ ctx, input }) => shadowReport(ctx.db, input.workflowId, { disagreementLimit: input.limit })),
  validate: steward()
    .input(reasonInput)
    .mutation(({ ctx, input }) => markValidated(ctx.db, ctx.user, input)),
  startShadow: steward()
    .input(startShadowInput)
    .mutation(({ ctx, input }) => startShadow(ctx.db, ctx.user, input)),
  stopShadow: steward()
    .input(reasonInput)
    .mutation(({ ctx, input }) => stopShadow(ctx.db, ctx.user, input)),
  cutOver: steward()
    .input(cutOverInput)
    .mutation(({ ctx, input }) => cutOver(ctx.db, ctx.user, input)),
  pause: steward()
    .input(requiredReasonInput)
    .mutation(({ ctx, input }) => pauseLive(ctx.db, ctx.user, input)),
  resume: steward()
    .input(reasonInput)
    .mutation(({ ctx, input }) => resumeLive(ctx.db, ctx.user, input)),
  rollback: steward()
    .input(requiredReasonInput)
    .mutation(({ ctx, input }) => rollBack(ctx.db, ctx.user, input)),
  setCanary: steward()
    .input(setCanaryInput)
    .mutation(({ ctx, input }) => setCanaryPercent(ctx.db, ctx.user, input)),
  /** The policy itself (how long shadow must last) is the admin's. */
  setShadowMinDays: procedureFor("admin")
    .input(shadowMinDaysInput)
    .mutation(({ ctx, input }) => setShadowMinDays(ctx.db, ctx.user, input)),
});
