/**
 * What a dataset is made of, typed once: the schema's jsonb columns, the import service and the UI share these.
 * Pure types (no runtime imports), so the schema can import them.
 */

/** A structured value as imported: CSV cells are strings; JSON Lines keep their JSON types. */
export type DatasetFieldValue = string | number | boolean | null;
export type DatasetFields = Record<string, DatasetFieldValue>;

export const DATE_FORMATS = ["iso", "day-first", "month-first", "epoch-seconds", "epoch-millis"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const OUTCOME_TYPES = ["route", "resolve", "escalate", "end"] as const;
export type ActualOutcomeType = (typeof OUTCOME_TYPES)[number];

/**
 * How the columns of a file become cases: which column is the id, the text, the time, the actual outcome;
 * every other column (unless ignored) is kept as a field under its own name.
 */
export interface DatasetMapping {
  format: "csv" | "jsonl";
  /** The item id column. */
  id: string;
  /** When the case happened. */
  at: string;
  dateFormat: DateFormat;
  /** The actual outcome's comparable label: the team it ended with, the resolution, the queue. */
  label: string;
  /** Optional: the column that says route / resolve / escalate / end. */
  outcomeType?: string;
  /** Optional: a true/false column, true when a person handled the case (escalated to a human). */
  escalated?: string;
  /** Optional: the main free text. */
  text?: string;
  /** Optional: a column holding recorded connector reads as JSON (`{"crm.get_customer": {"status": "ok", ...}}`). */
  reads?: string;
  /** Columns not kept at all (e.g. what was only known after the fact, like the resolver's name). */
  ignore?: string[];
  /** Cell values that mean "missing" (ServiceNow writes `?`). The empty cell is always missing. */
  missingValues?: string[];
}

export interface ActualOutcome {
  /** Route, resolve, escalate, end — when the file says so. */
  type?: ActualOutcomeType;
  label: string;
}

/** Why a row was not imported. */
export type BadRowReason =
  | "column_count"
  | "unparsable_date"
  | "missing_outcome"
  | "missing_id"
  | "invalid_json"
  | "duplicate_id"
  /** A NUL character (U+0000): Postgres text cannot hold one, so the row is refused rather than altered. */
  | "nul_character"
  /** Quotes that do not pair up: a cell quoted and then continued, or a quote never closed. */
  | "bad_quotes";

export interface BadRow {
  line: number;
  reason: BadRowReason;
  message: string;
  itemId?: string;
}

export interface ImportReport {
  /** Data rows read (header excluded). */
  rowsRead: number;
  imported: number;
  /** Rows refused, by reason (duplicates counted here too). */
  badByReason: Partial<Record<BadRowReason, number>>;
  /** The first bad rows, each with its line number; `omitted` says how many more were not listed. */
  badRows: BadRow[];
  omitted: number;
  /** Seconds the import took. */
  seconds: number;
}

/** Distinct values per field, counted up to a cap: enough to tell a category from free text. */
export interface FieldStat {
  name: string;
  /** Distinct non-missing values seen, capped at `DISTINCT_CAP` (then `capped` is true). */
  distinct: number;
  capped: boolean;
  missing: number;
  examples: string[];
}

export type DatasetStatus = "importing" | "ready" | "failed";
