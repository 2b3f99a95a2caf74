import { z } from "zod";
import { DATE_FORMATS, type DatasetMapping } from "./types";

const column = z.string().trim().min(1, "Choose a column").max(200);

/** The column mapping, as the upload form, the route handler and the CLI send it. */
export const datasetMappingSchema = z.object({
  format: z.enum(["csv", "jsonl"]),
  id: column,
  at: column,
  dateFormat: z.enum(DATE_FORMATS),
  label: column,
  outcomeType: column.optional(),
  escalated: column.optional(),
  text: column.optional(),
  reads: column.optional(),
  ignore: z.array(column).max(500).optional(),
  missingValues: z.array(z.string().max(20)).max(20).optional(),
}) satisfies z.ZodType<DatasetMapping>;

export const datasetNameSchema = z.string().trim().min(1, "Give the dataset a name").max(120);

/** The columns a mapping gives a role to, so an import can say which are missing from the file. */
export function mappedColumns(mapping: DatasetMapping): string[] {
  return [
    mapping.id,
    mapping.at,
    mapping.label,
    mapping.outcomeType,
    mapping.escalated,
    mapping.text,
    mapping.reads,
  ].filter((c): c is string => typeof c === "string");
}

/** Same mapping, same JSON: key order and list order do not change the content hash. */
export function canonicalMapping(mapping: DatasetMapping): string {
  const sorted = {
    ...mapping,
    ignore: mapping.ignore ? [...mapping.ignore].sort() : undefined,
    missingValues: mapping.missingValues ? [...mapping.missingValues].sort() : undefined,
  };
  return JSON.stringify(
    Object.fromEntries(
      Object.entries(sorted)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
  );
}
