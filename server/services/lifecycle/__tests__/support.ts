import { TRPCError } from "@trpc/server";

export { crmAnswers, reportedLabel, storeRun } from "../stored-runs";

/** The error a promise rejects with, as code and message (null when it resolves). */
export async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string } | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message };
    throw error;
  }
}

export const DAY = 86_400_000;
