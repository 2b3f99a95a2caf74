/** Months as "YYYY-MM" (UTC), the monthly review's unit. */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month's first instant and the next month's; null when the text is not a month. */
export function parseMonth(month: string): { from: Date; to: Date } | null {
  const match = MONTH_PATTERN.exec(month);
  if (!match) return null;
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  return { from: new Date(Date.UTC(year, index, 1)), to: new Date(Date.UTC(year, index + 1, 1)) };
}

export const currentMonth = (now = new Date()) => now.toISOString().slice(0, 7);

/** The month `delta` months from `month` ("2026-01", −1 → "2025-12"). */
export function shiftMonth(month: string, delta: number): string {
  const range = parseMonth(month);
  if (!range) return month;
  const date = range.from;
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + delta, 1)).toISOString().slice(0, 7);
}

export function monthTitle(month: string): string {
  const range = parseMonth(month);
  return range
    ? range.from.toLocaleString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" })
    : month;
}
