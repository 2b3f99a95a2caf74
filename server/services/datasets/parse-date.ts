import type { DateFormat } from "./types";

const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function utc(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  // 31/2 rolls over into March: refuse it rather than guess.
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

function parseIso(text: string): Date | null {
  const m = ISO_LIKE.exec(text);
  if (!m) return null;
  if (m[8]) {
    // With an explicit offset the platform parser is exact; normalise "+0100" to "+01:00" and a space to "T".
    const normalised = text.replace(" ", "T").replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
    const ms = Date.parse(normalised);
    return Number.isNaN(ms) ? null : new Date(ms);
  }
  const fraction = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  return utc(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    fraction,
  );
}

function parseSlashed(text: string, dayFirst: boolean): Date | null {
  const m = SLASHED.exec(text);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const rawYear = Number(m[3]);
  const year = m[3]!.length === 2 ? 2000 + rawYear : rawYear;
  const [day, month] = dayFirst ? [a, b] : [b, a];
  return utc(year, month, day, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
}

function parseEpoch(text: string, scale: number): Date | null {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  const ms = Number(text) * scale;
  return Number.isFinite(ms) && Math.abs(ms) < 8.64e15 ? new Date(ms) : null;
}

/**
 * Reads a timestamp in the dataset's declared format. Times without a zone are taken as UTC, so an import
 * gives the same instants on every machine. Answers null when the text is not a date in that format.
 */
export function parseDate(value: unknown, format: DateFormat): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === "number") {
    if (format === "epoch-seconds") return parseEpoch(String(value), 1000);
    if (format === "epoch-millis") return parseEpoch(String(value), 1);
    return null;
  }
  if (typeof value !== "string") return null;
  const text = value.trim();
  switch (format) {
    case "iso":
      return parseIso(text);
    case "day-first":
      return parseSlashed(text, true) ?? parseIso(text);
    case "month-first":
      return parseSlashed(text, false) ?? parseIso(text);
    case "epoch-seconds":
      return parseEpoch(text, 1000);
    case "epoch-millis":
      return parseEpoch(text, 1);
  }
}

/**
 * The format that reads the most samples (a bad row or two must not hide the right one), preferring ISO;
 * between day-first and month-first, the one a value such as 29/2 or 2/29 proves, else `ambiguous` (the
 * user must choose).
 */
export function guessDateFormat(
  samples: readonly string[],
): { format: DateFormat; ambiguous: boolean } | null {
  const values = samples.map((s) => s.trim()).filter((s) => s.length > 0);
  if (values.length === 0) return null;
  const reads = (format: DateFormat) => values.filter((v) => parseDate(v, format) !== null).length;
  const numeric = values.every((v) => /^\d+(\.\d+)?$/.test(v));
  if (numeric)
    return { format: Number(values[0]) > 1e11 ? "epoch-millis" : "epoch-seconds", ambiguous: false };
  const iso = reads("iso");
  const dayFirst = reads("day-first");
  const monthFirst = reads("month-first");
  const best = Math.max(iso, dayFirst, monthFirst);
  if (best === 0) return null;
  if (iso === best) return { format: "iso", ambiguous: false };
  if (dayFirst === monthFirst) return { format: "day-first", ambiguous: true };
  return { format: dayFirst > monthFirst ? "day-first" : "month-first", ambiguous: false };
}
