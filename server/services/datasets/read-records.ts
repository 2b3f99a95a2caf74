import crypto from "node:crypto";
import { StringDecoder } from "node:string_decoder";
import { Readable } from "node:stream";
import Papa from "papaparse";
import type { BadRowReason } from "./types";

/** One data row of the file, or why it could not be read. */
export type SourceRecord =
  | { line: number; values: Record<string, unknown> }
  | { line: number; problem: { reason: BadRowReason; message: string } };

/** Bytes read so far and their running hash, for progress and the content hash. */
export class SourceMeter {
  bytes = 0;
  private readonly hash = crypto.createHash("sha256");
  update(chunk: Uint8Array): void {
    this.bytes += chunk.byteLength;
    this.hash.update(chunk);
  }
  digest(): string {
    return this.hash.digest("hex");
  }
}

async function* metered(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  meter: SourceMeter,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    meter.update(bytes);
    yield bytes;
  }
}

/** Header names made unique and never empty, so every column can be mapped. */
export function normaliseHeader(raw: readonly unknown[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((value, i) => {
    const base = String(value ?? "").trim() || `column_${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}_${count}`;
  });
}

function newlinesIn(record: readonly string[]): number {
  let count = 0;
  for (const field of record) {
    if (field.length === 0 || !field.includes("\n")) continue;
    for (let i = field.indexOf("\n"); i !== -1; i = field.indexOf("\n", i + 1)) count++;
  }
  return count;
}

/**
 * CSV rows as objects keyed by the header, streamed with backpressure (bounded memory whatever the file
 * size). Parsed by papaparse, which is several times faster than csv-parse here. A row with the wrong number
 * of columns comes back as a problem with its line number (the last line of a quoted multi-line record).
 */
export async function* readCsvRecords(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  meter: SourceMeter,
  onHeader: (columns: string[]) => void,
): AsyncGenerator<SourceRecord> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: false });
  const input = Readable.from(metered(source, meter));
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);

  let header: string[] | null = null;
  let line = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    line += 1 + newlinesIn(record);
    if (record.length === 1 && record[0] === "") continue; // an empty line
    if (!header) {
      if (record[0]?.startsWith("\uFEFF")) record[0] = record[0].slice(1);
      header = normaliseHeader(record);
      onHeader(header);
      continue;
    }
    if (record.length !== header.length) {
      yield {
        line,
        problem: {
          reason: "column_count",
          message: `expected ${header.length} columns, found ${record.length}`,
        },
      };
      continue;
    }
    const values: Record<string, unknown> = {};
    for (let i = 0; i < header.length; i++) values[header[i]!] = record[i];
    yield { line, values };
  }
}

/** JSON Lines: one object per line; blank lines are skipped, anything else that is not an object is a problem. */
export async function* readJsonLines(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  meter: SourceMeter,
  onColumn: (column: string) => void,
): AsyncGenerator<SourceRecord> {
  const decoder = new StringDecoder("utf8");
  const known = new Set<string>();
  let pending = "";
  let line = 0;
  const handle = (text: string): SourceRecord | null => {
    line++;
    const trimmed = text.trim();
    if (trimmed.length === 0) return null;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      return {
        line,
        problem: {
          reason: "invalid_json",
          message: `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
        },
      };
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return { line, problem: { reason: "invalid_json", message: "each line must be a JSON object" } };
    }
    for (const key of Object.keys(value)) {
      if (!known.has(key)) {
        known.add(key);
        onColumn(key);
      }
    }
    return { line, values: value as Record<string, unknown> };
  };
  for await (const chunk of metered(source, meter)) {
    pending += decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    let newline = pending.indexOf("\n");
    let start = 0;
    while (newline !== -1) {
      const record = handle(pending.slice(start, newline));
      if (record) yield record;
      start = newline + 1;
      newline = pending.indexOf("\n", start);
    }
    pending = pending.slice(start);
  }
  pending += decoder.end();
  if (pending.length > 0) {
    const record = handle(pending);
    if (record) yield record;
  }
}
