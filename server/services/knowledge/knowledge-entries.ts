import crypto from "node:crypto";
import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import Papa from "papaparse";
import { z } from "zod";
import type { KnowledgeBase } from "@/lib/engine/ports";
import { knowledgeBasePort, type KnowledgeRow } from "../../adapters/knowledge/knowledge-base-port";
import type { Db } from "../../db/client";
import { datasetRows, knowledgeEntries, type KnowledgeEntrySource } from "../../db/schema";
import { loadConnection } from "../models/providers/provider-connections";

export const MAX_ENTRIES = 20_000;

/** One entry as imported: `resolution` (or `reply`) is what the match node offers. */
export const importedEntrySchema = z.object({
  id: z.string().trim().min(1).max(200).optional(),
  title: z.string().trim().max(300).optional(),
  text: z.string().trim().min(1, "each entry needs its text").max(20_000),
  resolution: z.string().trim().min(1, "each entry needs its resolution").max(20_000),
});
export type ImportedEntry = z.infer<typeof importedEntrySchema>;

export class KnowledgeImportError extends Error {}

/** Entries from a CSV (header row with text and resolution, optional id and title) or a JSON array. */
export function parseEntries(format: "csv" | "json", content: string): ImportedEntry[] {
  let records: unknown[];
  if (format === "json") {
    try {
      records = JSON.parse(content) as unknown[];
    } catch {
      throw new KnowledgeImportError("The file is not valid JSON.");
    }
    if (!Array.isArray(records)) throw new KnowledgeImportError("The JSON must be an array of entries.");
  } else {
    const parsed = Papa.parse<Record<string, string>>(content, { header: true, skipEmptyLines: true });
    records = parsed.data.map((row) => ({ ...row, resolution: row.resolution ?? row.reply }));
  }
  if (records.length > MAX_ENTRIES)
    throw new KnowledgeImportError(`At most ${MAX_ENTRIES} entries per import.`);
  return records.map((record, i) => {
    const withReply = record as { resolution?: unknown; reply?: unknown };
    const result = importedEntrySchema.safeParse({
      ...withReply,
      resolution: withReply.resolution ?? withReply.reply,
    });
    if (!result.success)
      throw new KnowledgeImportError(`Entry ${i + 1}: ${result.error.issues[0]?.message ?? "invalid"}.`);
    return result.data;
  });
}

function titleFrom(text: string): string {
  const line = text.split("\n", 1)[0]!.trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** Adds entries; an entry id already in the base replaces that entry. Answers how many were written. */
export async function addEntries(
  db: Db,
  workflowId: string,
  entries: readonly ImportedEntry[],
  source: KnowledgeEntrySource,
): Promise<number> {
  const rows = entries.map((e) => ({
    id: crypto.randomUUID(),
    workflowId,
    entryKey: e.id ?? `kb-${crypto.createHash("sha256").update(e.text).digest("hex").slice(0, 12)}`,
    title: e.title || titleFrom(e.text),
    text: e.text,
    resolution: e.resolution,
    source,
  }));
  const unique = [...new Map(rows.map((r) => [r.entryKey, r])).values()];
  for (let i = 0; i < unique.length; i += 500) {
    await db
      .insert(knowledgeEntries)
      .values(unique.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [knowledgeEntries.workflowId, knowledgeEntries.entryKey],
        set: {
          title: sql`excluded.title`,
          text: sql`excluded.text`,
          resolution: sql`excluded.resolution`,
          source: sql`excluded.source`,
          embedding: null,
          embeddingModel: null,
        },
      });
  }
  return unique.length;
}

/**
 * Resolved past cases of a dataset as entries: the case text, and as resolution the dataset's outcome label
 * (or a field holding the reply). Only cases before `before`, so a backtest window never matches itself.
 */
export async function buildFromDataset(
  db: Db,
  input: { workflowId: string; datasetId: string; before: Date; resolutionField?: string; limit?: number },
): Promise<number> {
  const rows = await db
    .select({
      itemId: datasetRows.itemId,
      text: datasetRows.text,
      label: datasetRows.label,
      fields: datasetRows.fields,
    })
    .from(datasetRows)
    .where(
      and(
        eq(datasetRows.datasetId, input.datasetId),
        lt(datasetRows.occurredAt, input.before),
        inArray(datasetRows.outcomeType, ["resolve"]),
      ),
    )
    .orderBy(asc(datasetRows.occurredAt))
    .limit(Math.min(input.limit ?? 5_000, MAX_ENTRIES));
  const entries: ImportedEntry[] = [];
  for (const row of rows) {
    if (!row.text?.trim()) continue;
    const field = input.resolutionField ? row.fields[input.resolutionField] : undefined;
    const resolution = typeof field === "string" && field.trim() ? field : row.label;
    entries.push({ id: `case-${row.itemId}`.slice(0, 200), text: row.text, resolution });
  }
  return addEntries(db, input.workflowId, entries, "dataset");
}

export async function listEntries(db: Db, workflowId: string, limit = 500) {
  const [rows, [count]] = await Promise.all([
    db
      .select({
        entryKey: knowledgeEntries.entryKey,
        title: knowledgeEntries.title,
        text: knowledgeEntries.text,
        resolution: knowledgeEntries.resolution,
        source: knowledgeEntries.source,
      })
      .from(knowledgeEntries)
      .where(eq(knowledgeEntries.workflowId, workflowId))
      .orderBy(asc(knowledgeEntries.entryKey))
      .limit(limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(knowledgeEntries)
      .where(eq(knowledgeEntries.workflowId, workflowId)),
  ]);
  return { total: count?.n ?? 0, entries: rows };
}

export async function deleteEntry(db: Db, workflowId: string, entryKey: string): Promise<void> {
  await db
    .delete(knowledgeEntries)
    .where(and(eq(knowledgeEntries.workflowId, workflowId), eq(knowledgeEntries.entryKey, entryKey)));
}

export async function clearEntries(db: Db, workflowId: string): Promise<void> {
  await db.delete(knowledgeEntries).where(eq(knowledgeEntries.workflowId, workflowId));
}

/** The KnowledgeBase port of one workflow for one run or one backtest. */
export function workflowKnowledge(db: Db, workflowId: string): KnowledgeBase {
  return knowledgeBasePort({
    load: async () =>
      (await db
        .select({
          id: knowledgeEntries.id,
          entryKey: knowledgeEntries.entryKey,
          title: knowledgeEntries.title,
          text: knowledgeEntries.text,
          resolution: knowledgeEntries.resolution,
          embedding: knowledgeEntries.embedding,
          embeddingModel: knowledgeEntries.embeddingModel,
        })
        .from(knowledgeEntries)
        .where(eq(knowledgeEntries.workflowId, workflowId))) satisfies KnowledgeRow[],
    connection: (providerId) => loadConnection(db, providerId),
    saveEmbeddings: async (model, vectors) => {
      for (const { id, embedding } of vectors)
        await db
          .update(knowledgeEntries)
          .set({ embedding, embeddingModel: model })
          .where(eq(knowledgeEntries.id, id));
    },
  });
}
