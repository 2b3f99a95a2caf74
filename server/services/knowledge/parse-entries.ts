import Papa from "papaparse";
import { z } from "zod";

export const MAX_ENTRIES = 20_000;
/** Row errors reported back; a file with more is summarised by the count. */
const MAX_ROW_ERRORS = 100;

/** One entry as imported: `resolution` (or `reply`) is what the match node offers. */
export const importedEntrySchema = z.object({
  id: z.string().trim().min(1).max(200).optional(),
  title: z.string().trim().max(300).optional(),
  text: z.string().trim().min(1, "needs its text").max(20_000, "text is over 20,000 characters"),
  resolution: z
    .string()
    .trim()
    .min(1, "needs its resolution")
    .max(20_000, "resolution is over 20,000 characters"),
});
export type ImportedEntry = z.infer<typeof importedEntrySchema>;

/** The whole file is unusable (not JSON, no text column, too many entries). */
export class KnowledgeImportError extends Error {}

export interface RowError {
  /** CSV: the line in the file (the header is line 1). JSON: the entry's position, from 1. */
  row: number;
  message: string;
}

export interface ParsedEntries {
  entries: ImportedEntry[];
  errors: RowError[];
  /** Rows with an error, counted even past the ones listed. */
  skipped: number;
}

const REQUIRED = "text and resolution (or reply)";

function csvRecords(content: string): { records: unknown[]; errors: RowError[] } {
  const parsed = Papa.parse<Record<string, string>>(content.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes("text") || !(fields.includes("resolution") || fields.includes("reply")))
    throw new KnowledgeImportError(
      `The CSV header needs the columns ${REQUIRED}; it has ${fields.length ? fields.join(", ") : "none"}.`,
    );
  const errors = parsed.errors
    .filter((e) => typeof e.row === "number")
    .map((e) => ({ row: (e.row ?? 0) + 2, message: e.message }));
  return { records: parsed.data, errors };
}

function jsonRecords(content: string): unknown[] {
  let records: unknown;
  try {
    records = JSON.parse(content);
  } catch {
    throw new KnowledgeImportError("The file is not valid JSON.");
  }
  if (!Array.isArray(records)) throw new KnowledgeImportError("The JSON must be an array of entries.");
  return records;
}

/**
 * Entries from a CSV (a header row with text and resolution or reply, optional id and title) or a JSON array
 * of objects with the same keys. Bad rows are reported by number and left out; the good ones are kept.
 */
export function parseEntries(format: "csv" | "json", content: string): ParsedEntries {
  const { records, errors: syntaxErrors } =
    format === "json" ? { records: jsonRecords(content), errors: [] } : csvRecords(content);
  if (records.length > MAX_ENTRIES)
    throw new KnowledgeImportError(
      `The file has ${records.length.toLocaleString("en")} entries; at most ${MAX_ENTRIES.toLocaleString("en")} per import.`,
    );
  const rowOf = (i: number) => (format === "csv" ? i + 2 : i + 1);
  const badRows = new Set(syntaxErrors.map((e) => e.row));
  const errors: RowError[] = [...syntaxErrors];
  const entries: ImportedEntry[] = [];
  records.forEach((record, i) => {
    if (badRows.has(rowOf(i))) return;
    if (!record || typeof record !== "object" || Array.isArray(record)) {
      errors.push({ row: rowOf(i), message: "is not an object with text and resolution" });
      badRows.add(rowOf(i));
      return;
    }
    const withReply = record as {
      text?: unknown;
      resolution?: unknown;
      reply?: unknown;
      id?: unknown;
      title?: unknown;
    };
    const result = importedEntrySchema.safeParse({
      ...withReply,
      // Missing and empty read the same ("needs its text"); CSV cells are never missing, JSON keys may be.
      text: withReply.text ?? "",
      id: withReply.id === "" || withReply.id === null ? undefined : withReply.id,
      title: withReply.title === "" || withReply.title === null ? undefined : withReply.title,
      resolution: withReply.resolution || withReply.reply || "",
    });
    if (result.success) entries.push(result.data);
    else {
      const issue = result.error.issues[0];
      const field = issue?.path.join(".");
      const message = issue?.message ?? "is invalid";
      errors.push({
        row: rowOf(i),
        message: field && !message.startsWith("needs") ? `${field}: ${message}` : message,
      });
      badRows.add(rowOf(i));
    }
  });
  errors.sort((a, b) => a.row - b.row);
  return { entries, errors: errors.slice(0, MAX_ROW_ERRORS), skipped: badRows.size };
}
