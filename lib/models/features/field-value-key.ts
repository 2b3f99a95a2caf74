import type { FieldValue } from "./model-input";

const MISSING = "\u2205";

/**
 * The categorical key of a field value. Missing is a value of its own (often a
 * signal: an incident with no symptom recorded). Numbers fall into signed log2
 * buckets so 3 and 4 share a feature while 3 and 3,000 do not.
 */
export function fieldValueKey(value: FieldValue): string {
  if (value === null || value === undefined || value === "") return MISSING;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return MISSING;
    const bucket = Math.floor(Math.log2(1 + Math.abs(value)));
    return `#${value < 0 ? -bucket - 1 : bucket}`;
  }
  return String(value);
}
