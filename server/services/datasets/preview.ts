import Papa from "papaparse";
import { guessDateFormat } from "./parse-date";
import { normaliseHeader } from "./read-records";
import type { DatasetMapping, DateFormat } from "./types";

export interface DatasetPreview {
  format: "csv" | "jsonl";
  columns: string[];
  /** The first rows, as text, for the mapping step to show. */
  rows: Record<string, string>[];
  suggested: Partial<DatasetMapping>;
  dateFormatAmbiguous: boolean;
  /** Cell values that look like a "missing" marker (`?`, `NULL`, `N/A`). */
  missingMarkers: string[];
}

const MAX_ROWS = 8;
/** Most specific first: the first pattern a column matches wins. */
const ID = [/^(id|ticket_id|case_id|item_id|incident_id|number|key)$/i, /_id$/i];
const TIME = [
  /^(created_at|opened_at|occurred_at|timestamp|created|opened|date|time)$/i,
  /(^|_)(at|date|time)$/i,
];
const LABEL = [
  /^(outcome|label|actual|final_team|assignment_group|team|queue|resolution)$/i,
  /(outcome|label|assignment_group|team|queue)$/i,
  /(group|category|class)$/i,
];
const TYPE = [/^(outcome_type|outcome_kind|type)$/i];
const TEXT = [/^(text|body|description|message|content|summary|short_description)$/i];
const ESCALATED = /escalat|human/i;
const MISSING = ["?", "NULL", "null", "N/A", "n/a", "NA", "-"];

function pick(columns: string[], patterns: RegExp[], taken: Set<string>): string | undefined {
  for (const pattern of patterns) {
    const found = columns.find((c) => pattern.test(c) && !taken.has(c));
    if (found) {
      taken.add(found);
      return found;
    }
  }
  return undefined;
}

/**
 * Reads the start of a file (a few kilobytes the browser sends) to offer a mapping: columns, the first rows,
 * a guess at which column is the id, the time (and its format), the outcome, the text.
 */
export function previewDataset(sample: string, fileName = ""): DatasetPreview {
  const trimmed = sample.replace(/^\uFEFF/, "");
  const looksJson = /\.jsonl?$/i.test(fileName) || trimmed.trimStart().startsWith("{");
  let columns: string[];
  let rows: Record<string, string>[];
  if (looksJson) {
    const lines = trimmed.split("\n").filter((l) => l.trim().length > 0);
    // The sample may end mid-line: the last line is parsed only if it is complete JSON.
    const objects = lines
      .map((line) => {
        try {
          const value: unknown = JSON.parse(line);
          return typeof value === "object" && value !== null && !Array.isArray(value)
            ? (value as Record<string, unknown>)
            : null;
        } catch {
          return null;
        }
      })
      .filter((o): o is Record<string, unknown> => o !== null);
    columns = [...new Set(objects.flatMap((o) => Object.keys(o)))];
    rows = objects
      .slice(0, MAX_ROWS)
      .map((o) =>
        Object.fromEntries(
          columns.map((c) => [
            c,
            o[c] === undefined || o[c] === null
              ? ""
              : typeof o[c] === "object"
                ? JSON.stringify(o[c])
                : String(o[c]),
          ]),
        ),
      );
  } else {
    // Drop a last line the sample cut in half.
    const complete = trimmed.includes("\n") ? trimmed.slice(0, trimmed.lastIndexOf("\n")) : trimmed;
    const parsed = Papa.parse<string[]>(complete, { skipEmptyLines: true });
    const [header = [], ...data] = parsed.data;
    columns = normaliseHeader(header);
    rows = data.slice(0, MAX_ROWS).map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? ""])));
  }
  const taken = new Set<string>();
  const id = pick(columns, ID, taken);
  const at = pick(columns, TIME, taken);
  const outcomeType = pick(columns, TYPE, taken);
  const label = pick(columns, LABEL, taken);
  const text = pick(columns, TEXT, taken);
  const escalated = columns.find((c) => ESCALATED.test(c) && !taken.has(c));
  const guess = at ? guessDateFormat(rows.map((r) => r[at] ?? "")) : null;
  const missingMarkers = MISSING.filter((m) =>
    rows.some((r) => Object.values(r).some((v) => v.trim() === m)),
  );
  const dateFormat: DateFormat = guess?.format ?? "iso";
  return {
    format: looksJson ? "jsonl" : "csv",
    columns,
    rows,
    suggested: {
      format: looksJson ? "jsonl" : "csv",
      id,
      at,
      dateFormat,
      label,
      outcomeType,
      text,
      escalated,
      missingValues: missingMarkers,
    },
    dateFormatAmbiguous: guess?.ambiguous ?? false,
    missingMarkers,
  };
}
