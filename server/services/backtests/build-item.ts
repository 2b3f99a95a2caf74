import type { ItemShape } from "@/lib/engine/node-definition";
import { parseDate } from "../datasets/parse-date";
import type { DatasetFields, DatasetMapping } from "../datasets/types";

export interface RowForItem {
  itemId: string;
  occurredAt: Date;
  text: string | null;
  fields: DatasetFields;
}

const TRUE_WORDS = new Set(["true", "1", "yes", "y", "t"]);
const FALSE_WORDS = new Set(["false", "0", "no", "n", "f"]);

/**
 * Turns a stored row into the item the trigger admits: every field under its column name (coerced to the
 * type the trigger declares: CSV cells are text), and the id, text and time under both their column names
 * and the trigger's id / text / occurred-at fields. Pure.
 */
export function createItemBuilder(
  shape: ItemShape,
  mapping: DatasetMapping,
): (row: RowForItem) => Record<string, unknown> {
  const types = new Map(shape.fields.map((f) => [f.name, f.type]));
  const idIsNumber = types.get(shape.idField) === "number";
  const coerce = (name: string, value: unknown): unknown => {
    if (value === null || value === undefined) return value;
    switch (types.get(name)) {
      case "number": {
        if (typeof value === "number") return value;
        const n = Number(String(value).trim());
        return String(value).trim() !== "" && Number.isFinite(n) ? n : value;
      }
      case "boolean": {
        if (typeof value === "boolean") return value;
        const word = String(value).trim().toLowerCase();
        return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : value;
      }
      case "date": {
        const date = parseDate(value, mapping.dateFormat);
        return date ? date.toISOString() : value;
      }
      case "string":
      case "enum":
        return typeof value === "string" ? value : String(value);
      default:
        return value;
    }
  };
  return (row) => {
    const item: Record<string, unknown> = {};
    for (const name in row.fields) item[name] = coerce(name, row.fields[name]);
    const id = idIsNumber && Number.isFinite(Number(row.itemId)) ? Number(row.itemId) : row.itemId;
    const at = row.occurredAt.toISOString();
    item[mapping.id] = id;
    item[mapping.at] = at;
    item[shape.idField] = id;
    if (shape.occurredAtField) item[shape.occurredAtField] = at;
    if (row.text !== null) {
      if (mapping.text) item[mapping.text] = row.text;
      if (!(shape.textField in item) || item[shape.textField] === null) item[shape.textField] = row.text;
    }
    return item;
  };
}
