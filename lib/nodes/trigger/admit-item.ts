import type { ItemShape } from "../../engine/node-definition";

/** Why an item was refused: one line per field, and the fields the trigger expects. */
export class RefusedItem {
  constructor(
    readonly problems: string[],
    readonly expected: string,
    /** The field each problem is about, in the same order ("" when it is about the whole item). */
    readonly problemFields: string[] = problems.map(() => ""),
  ) {}
  get message(): string {
    return `The item does not match the trigger's fields: ${this.problems.join("; ")}. Expected fields: ${this.expected}.`;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function describe(value: unknown): string {
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 40 ? `${json.slice(0, 40)}…` : json;
}

type FieldCheck = (value: unknown) => string | undefined;

function checkFor(field: ItemShape["fields"][number]): FieldCheck {
  switch (field.type) {
    case "string":
      return (v) => (typeof v === "string" ? undefined : `${field.name} must be text (got ${describe(v)})`);
    case "number":
      return (v) =>
        typeof v === "number" && Number.isFinite(v)
          ? undefined
          : `${field.name} must be a number (got ${describe(v)})`;
    case "boolean":
      return (v) =>
        typeof v === "boolean" ? undefined : `${field.name} must be true or false (got ${describe(v)})`;
    case "date":
      return (v) =>
        typeof v === "string" && ISO_DATE.test(v) && !Number.isNaN(Date.parse(v))
          ? undefined
          : `${field.name} must be an ISO 8601 date such as "2025-03-01T09:30:00Z" (got ${describe(v)})`;
    case "enum": {
      const allowed = new Set(field.values ?? []);
      const list = (field.values ?? []).join(", ");
      return (v) =>
        typeof v === "string" && allowed.has(v)
          ? undefined
          : `${field.name} must be one of ${list} (got ${describe(v)})`;
    }
  }
}

/**
 * Compiles the trigger's field list into one function: it answers the item
 * itself when every declared field is present and valid (no copy on the hot
 * path), a copy with absent optional fields set to null (so expressions can
 * compare them), or a RefusedItem naming each problem.
 */
export function compileItemAdmission(
  shape: ItemShape,
): (item: unknown) => Record<string, unknown> | RefusedItem {
  // Only names Object.prototype also has ("toString"…) need an own-property check; the rest read directly.
  const fields = shape.fields.map((f) => ({
    name: f.name,
    required: f.required,
    inherited: f.name in {},
    check: checkFor(f),
  }));
  const expected = shape.fields
    .map(
      (f) =>
        `${f.name} (${f.type === "enum" ? (f.values ?? []).join("|") : f.type}${f.required ? ", required" : ""})`,
    )
    .join(", ");
  return (item) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      return new RefusedItem([`the item must be a JSON object (got ${describe(item)})`], expected);
    }
    const record = item as Record<string, unknown>;
    let problems: string[] | undefined;
    let problemFields: string[] | undefined;
    let missingOptional = false;
    for (const field of fields) {
      const value = field.inherited && !Object.hasOwn(record, field.name) ? undefined : record[field.name];
      if (value === undefined || value === null) {
        if (field.required) {
          (problems ??= []).push(`${field.name} is required`);
          (problemFields ??= []).push(field.name);
        } else if (value === undefined) missingOptional = true;
        continue;
      }
      const problem = field.check(value);
      if (problem !== undefined) {
        (problems ??= []).push(problem);
        (problemFields ??= []).push(field.name);
      }
    }
    if (problems) return new RefusedItem(problems, expected, problemFields);
    if (!missingOptional) return record;
    const admitted: Record<string, unknown> = { ...record };
    for (const field of fields) if (admitted[field.name] === undefined) admitted[field.name] = null;
    return admitted;
  };
}
