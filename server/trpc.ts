import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Role } from "@/lib/roles";
import type { Db } from "./db/client";
import { formatZodError } from "./format-zod-error";
import { runAsActor, userActor } from "./services/audit/audit-actor";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface Context {
  db: Db;
  user: SessionUser | null;
}

/** Every procedure declares the roles that may call it; the role guard enforces it. */
export interface ProcedureMeta {
  roles: readonly Role[];
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    // The UI shows `message` as is: it must read as a sentence, and must never carry a stack trace.
    errorFormatter({ shape, error }) {
      const zodError = error.cause instanceof ZodError ? error.cause : null;
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      const message = zodError
        ? formatZodError(zodError)
        : internal
          ? "Something went wrong on the server. The error was logged; please try again."
          : shape.message;
      return {
        ...shape,
        message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          fieldErrors: zodError ? zodError.flatten().fieldErrors : undefined,
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const roleGuard = t.middleware(({ ctx, meta, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  if (!meta?.roles?.includes(ctx.user.role)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Your role does not allow this action." });
  }
  const user = ctx.user;
  // Audit rows written while serving this call name this user (server/services/audit).
  return runAsActor(userActor(user), () => next({ ctx: { ...ctx, user } }));
});

/**
 * The only way to build a procedure: `procedureFor("admin", "owner").input(...).query(...)`.
 * The bare `t.procedure` is deliberately not exported, and the authorization matrix test fails on any
 * procedure without roles.
 */
export function procedureFor(...roles: [Role, ...Role[]]) {
  return t.procedure.meta({ roles }).use(roleGuard);
}

export const ALL_ROLES = ["admin", "owner", "reviewer"] as const satisfies readonly Role[];
