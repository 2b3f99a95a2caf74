import { TRPCError } from "@trpc/server";

export function runNotFound(): TRPCError {
  return new TRPCError({
    code: "NOT_FOUND",
    message: "That backtest does not exist (it may have been deleted).",
  });
}

export function datasetNotFound(): TRPCError {
  return new TRPCError({
    code: "NOT_FOUND",
    message: "That dataset does not exist (it may have been deleted).",
  });
}

/** Another process took the run over (its lease was reclaimed): this one stops without writing. */
export class LeaseLostError extends Error {
  override name = "LeaseLostError";
  constructor() {
    super("the backtest was taken over by another process");
  }
}
