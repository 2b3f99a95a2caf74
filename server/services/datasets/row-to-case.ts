import type { RecordedReadsJson } from "../backtests/types";
import { parseDate } from "./parse-date";
import type {
  ActualOutcome,
  ActualOutcomeType,
  BadRowReason,
  DatasetFields,
  DatasetFieldValue,
  DatasetMapping,
} from "./types";

export interface CaseRow {
  itemId: string;
  line: number;
  occurredAt: Date;
  label: string;
  actual: ActualOutcome;
  text: string | null;
  fields: DatasetFields;
  reads: RecordedReadsJson | null;
}

export type CaseOrProblem =
  { ok: true; row: CaseRow } | { ok: false; reason: BadRowReason; message: string; itemId?: string };

const OUTCOME_SYNONYMS: Record<string, ActualOutcomeType> = {
  route: "route",
  routed: "route",
  assigned: "route",
  resolve: "resolve",
  resolved: "resolve",
  "auto-resolved": "resolve",
  escalate: "escalate",
  escalated: "escalate",
  human: "escalate",
  end: "end",
  ended: "end",
  closed: "end",
};
const TRUE_WORDS = new Set(["true", "1", "yes", "y", "t"]);

/** Turns one row of a file into a case, or says why it cannot be one. Pure. */
export function createRowConverter(mapping: DatasetMapping) {
  const missing = new Set(["", ...(mapping.missingValues ?? [])]);
  const roles = new Set([
    mapping.id,
    mapping.at,
    mapping.label,
    mapping.outcomeType,
    mapping.escalated,
    mapping.text,
    mapping.reads,
  ]);
  const ignored = new Set(mapping.ignore ?? []);

  const present = (value: unknown): value is string | number | boolean =>
    value !== undefined && value !== null && !(typeof value === "string" && missing.has(value.trim()));

  const asText = (value: unknown): string =>
    typeof value === "string"
      ? value.trim()
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value);

  const asField = (value: unknown): DatasetFieldValue => {
    if (!present(value)) return null;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
    return JSON.stringify(value);
  };

  return (values: Record<string, unknown>, line: number): CaseOrProblem => {
    const nulIn = columnWithNul(values);
    if (nulIn !== undefined)
      return {
        ok: false,
        reason: "nul_character",
        message: `"${nulIn.replaceAll("\0", "\\0")}" holds a NUL character (U+0000), which cannot be stored`,
      };
    const rawId = values[mapping.id];
    if (!present(rawId)) return { ok: false, reason: "missing_id", message: `no item id in "${mapping.id}"` };
    const itemId = asText(rawId);
    const rawAt = values[mapping.at];
    const occurredAt = present(rawAt) ? parseDate(rawAt, mapping.dateFormat) : null;
    if (!occurredAt) {
      const shown = present(rawAt) ? JSON.stringify(asText(rawAt)).slice(0, 60) : "nothing";
      return {
        ok: false,
        reason: "unparsable_date",
        itemId,
        message: `"${mapping.at}" holds ${shown}, which is not a ${mapping.dateFormat} date`,
      };
    }
    const rawLabel = values[mapping.label];
    if (!present(rawLabel))
      return {
        ok: false,
        reason: "missing_outcome",
        itemId,
        message: `no actual outcome in "${mapping.label}"`,
      };
    const label = asText(rawLabel);
    const actual: ActualOutcome = { label };
    if (mapping.outcomeType) {
      const raw = values[mapping.outcomeType];
      const type = present(raw) ? OUTCOME_SYNONYMS[asText(raw).toLowerCase()] : undefined;
      if (type) actual.type = type;
    }
    if (mapping.escalated) {
      const raw = values[mapping.escalated];
      if (raw === true || (typeof raw === "string" && TRUE_WORDS.has(raw.trim().toLowerCase())) || raw === 1)
        actual.type = "escalate";
    }
    let reads: RecordedReadsJson | null = null;
    if (mapping.reads && present(values[mapping.reads])) {
      const raw = values[mapping.reads];
      try {
        const parsed: unknown = typeof raw === "string" ? JSON.parse(raw) : raw;
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
          throw new Error("not an object");
        reads = parsed as RecordedReadsJson;
      } catch {
        return {
          ok: false,
          reason: "invalid_json",
          itemId,
          message: `"${mapping.reads}" is not a JSON object of recorded reads`,
        };
      }
    }
    const text = mapping.text && present(values[mapping.text]) ? asText(values[mapping.text]) : null;
    const fields: DatasetFields = {};
    for (const key in values) {
      if (roles.has(key) || ignored.has(key)) continue;
      fields[key] = asField(values[key]);
    }
    return { ok: true, row: { itemId, line, occurredAt, label, actual, text, fields, reads } };
  };
}

/** The first column whose value (or, for JSON Lines, anything nested in it) holds U+0000. */
function columnWithNul(values: Record<string, unknown>): string | undefined {
  for (const key in values) {
    const value = values[key];
    if (key.includes("\0")) return key;
    if (typeof value === "string" ? value.includes("\0") : JSON.stringify(value ?? null).includes("\\u0000"))
      return key;
  }
  return undefined;
}
