import { z } from "zod";
import { ROLES } from "@/lib/roles";
import { listUsers, setUserRole } from "../services/users";
import { ALL_ROLES, procedureFor, router } from "../trpc";

export const setRoleInput = z.object({ userId: z.string().min(1), role: z.enum(ROLES) });

export const usersRouter = router({
  me: procedureFor(...ALL_ROLES).query(({ ctx }) => ctx.user),
  list: procedureFor("admin").query(({ ctx }) => listUsers(ctx.db)),
  setRole: procedureFor("admin")
    .input(setRoleInput)
    .mutation(({ ctx, input }) => setUserRole(ctx.db, input)),
});
