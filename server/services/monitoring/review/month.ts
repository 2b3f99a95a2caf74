import { TRPCError } from "@trpc/server";
import { parseMonth } from "@/lib/monitoring/month";

export { currentMonth, MONTH_PATTERN, monthTitle } from "@/lib/monitoring/month";

/** "2026-11" → its first instant and the next month's (UTC); refused when not a month. */
export function monthRange(month: string): { from: Date; to: Date } {
  const range = parseMonth(month);
  if (!range)
    throw new TRPCError({ code: "BAD_REQUEST", message: `"${month}" is not a month: use YYYY-MM.` });
  return range;
}
