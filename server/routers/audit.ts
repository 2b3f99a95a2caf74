import { z } from "zod";
import { AUDIT_ACTIONS } from "../db/schema";
import { auditActionCounts, listAuditEvents } from "../services/audit/list-audit";
import { procedureFor, router } from "../trpc";

export const listAuditInput = z
  .object({
    action: z.enum(AUDIT_ACTIONS).optional(),
    actor: z.string().trim().max(200).optional(),
    before: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(200).optional(),
  })
  .optional();

/** The audit log is for admins only: it names who did what, sign-in attempts included. */
export const auditRouter = router({
  list: procedureFor("admin")
    .input(listAuditInput)
    .query(({ ctx, input }) => listAuditEvents(ctx.db, input ?? {})),
  actions: procedureFor("admin").query(({ ctx }) => auditActionCounts(ctx.db)),
});
