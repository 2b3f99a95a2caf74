import { TRPCError } from "@trpc/server";

export function workflowNotFound(): TRPCError {
  return new TRPCError({
    code: "NOT_FOUND",
    message: "That workflow does not exist (it may have been deleted).",
  });
}

export function versionNotFound(): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: "That version does not exist in this workflow." });
}

/** Postgres unique_violation: two writers raced for the same key. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
