import crypto from "node:crypto";
import { and, asc, desc, eq, ilike, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import {
  datasetRows,
  knowledgeBaseVersions,
  knowledgeEntries,
  type KnowledgeEntrySource,
} from "../../db/schema";
import { MAX_ENTRIES, type ImportedEntry } from "./parse-entries";

export { KnowledgeImportError, MAX_ENTRIES, parseEntries, type ImportedEntry } from "./parse-entries";
export { knowledgeRows, liveWorkflowKnowledge, workflowKnowledge } from "./knowledge-port";

/**
 * Every change to a workflow's entries bumps its version, so processes that keep a built index (live runs) know
 * to rebuild it. Called after the change, in the same connection.
 */
export async function bumpKnowledgeVersion(db: Db, workflowId: string): Promise<void> {
  await db
    .insert(knowledgeBaseVersions)
    .values({ workflowId, version: 1 })
    .onConflictDoUpdate({
      target: knowledgeBaseVersions.workflowId,
      set: { version: sql`${knowledgeBaseVersions.version} + 1`, updatedAt: sql`now()` },
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
  if (unique.length > 0) await bumpKnowledgeVersion(db, workflowId);
  return unique.length;
}

/**
 * Past cases of a dataset as entries: the case text, and as resolution a field holding the reply, or else the
 * dataset's outcome label. Only cases before `before` (the newest `limit` of them), so a backtest window never
 * matches itself; by default only cases history marks as resolved.
 */
export async function buildFromDataset(
  db: Db,
  input: {
    workflowId: string;
    datasetId: string;
    before: Date;
    resolutionField?: string;
    /** "resolved": cases whose outcome type is resolve; "all": every labelled case. */
    include?: "resolved" | "all";
    limit?: number;
  },
): Promise<{ added: number; withoutText: number }> {
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
        input.include === "all" ? undefined : inArray(datasetRows.outcomeType, ["resolve"]),
      ),
    )
    .orderBy(desc(datasetRows.occurredAt), desc(datasetRows.id))
    .limit(Math.min(input.limit ?? 5_000, MAX_ENTRIES));
  const entries: ImportedEntry[] = [];
  let withoutText = 0;
  for (const row of rows) {
    const field = input.resolutionField ? row.fields[input.resolutionField] : undefined;
    const resolution = typeof field === "string" && field.trim() ? field : row.label;
    if (!row.text?.trim() || !resolution.trim()) {
      withoutText++;
      continue;
    }
    entries.push({
      id: `case-${row.itemId}`.slice(0, 200),
      text: row.text.slice(0, 20_000),
      resolution: resolution.slice(0, 20_000),
    });
  }
  return { added: await addEntries(db, input.workflowId, entries, "dataset"), withoutText };
}

/** Entries in key order, optionally only those whose key, title, text or resolution contains `search`. */
export async function listEntries(
  db: Db,
  workflowId: string,
  options: { search?: string; limit?: number; offset?: number } = {},
) {
  const term = options.search?.trim();
  const pattern = term ? `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const matches = pattern
    ? or(
        ilike(knowledgeEntries.entryKey, pattern),
        ilike(knowledgeEntries.title, pattern),
        ilike(knowledgeEntries.text, pattern),
        ilike(knowledgeEntries.resolution, pattern),
      )
    : undefined;
  const where = and(eq(knowledgeEntries.workflowId, workflowId), matches);
  const [rows, [count], [all]] = await Promise.all([
    db
      .select({
        entryKey: knowledgeEntries.entryKey,
        title: knowledgeEntries.title,
        text: knowledgeEntries.text,
        resolution: knowledgeEntries.resolution,
        source: knowledgeEntries.source,
        embedded: sql<boolean>`${knowledgeEntries.embedding} is not null`,
        createdAt: knowledgeEntries.createdAt,
      })
      .from(knowledgeEntries)
      .where(where)
      .orderBy(asc(knowledgeEntries.entryKey))
      .limit(Math.min(options.limit ?? 200, 500))
      .offset(options.offset ?? 0),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(knowledgeEntries)
      .where(where),
    term
      ? db
          .select({ n: sql<number>`count(*)::int` })
          .from(knowledgeEntries)
          .where(eq(knowledgeEntries.workflowId, workflowId))
      : Promise.resolve([undefined]),
  ]);
  const matching = count?.n ?? 0;
  return { total: all?.n ?? matching, matching, entries: rows };
}

export async function deleteEntry(db: Db, workflowId: string, entryKey: string): Promise<void> {
  await db
    .delete(knowledgeEntries)
    .where(and(eq(knowledgeEntries.workflowId, workflowId), eq(knowledgeEntries.entryKey, entryKey)));
  await bumpKnowledgeVersion(db, workflowId);
}

export async function clearEntries(db: Db, workflowId: string): Promise<void> {
  await db.delete(knowledgeEntries).where(eq(knowledgeEntries.workflowId, workflowId));
  await bumpKnowledgeVersion(db, workflowId);
}
