import { TRPCError } from "@trpc/server";

export function taskNotFound(): TRPCError {
  return new TRPCError({
    code: "NOT_FOUND",
    message: "That review task does not exist, or it is not in one of your queues.",
  });
}

export function queueNotFound(): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: "That review queue does not exist." });
}

/** A compare-and-set lost: someone else got there first; the message says who and what. */
export function taskConflict(message: string): TRPCError {
  return new TRPCError({ code: "CONFLICT", message });
}

export function badDecision(message: string): TRPCError {
  return new TRPCError({ code: "BAD_REQUEST", message });
}
