import { eq } from "drizzle-orm";
import type { KnowledgeBase } from "@/lib/engine/ports";
import { knowledgeBasePort, type KnowledgeRow } from "../../adapters/knowledge/knowledge-base-port";
import type { Db } from "../../db/client";
import { knowledgeBaseVersions, knowledgeEntries } from "../../db/schema";
import { recordModelCall } from "../models/providers/call-records";
import { loadConnection } from "../models/providers/provider-connections";

/** Every entry of a workflow's knowledge base, with its stored embedding. */
export function knowledgeRows(db: Db, workflowId: string): Promise<KnowledgeRow[]> {
  return db
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
    .where(eq(knowledgeEntries.workflowId, workflowId));
}

function portOver(db: Db, workflowId: string): KnowledgeBase {
  return knowledgeBasePort({
    load: () => knowledgeRows(db, workflowId),
    connection: (providerId) => loadConnection(db, providerId),
    saveEmbeddings: async (model, vectors) => {
      for (const { id, embedding } of vectors)
        await db
          .update(knowledgeEntries)
          .set({ embedding, embeddingModel: model })
          .where(eq(knowledgeEntries.id, id));
    },
    recordCall: (call) => recordModelCall(db, call),
  });
}

/**
 * The knowledge base as it is now, loaded and indexed once for the port's life: a backtest sees one snapshot
 * from its first match to its last, whatever is edited meanwhile.
 */
export function workflowKnowledge(db: Db, workflowId: string): KnowledgeBase {
  return portOver(db, workflowId);
}

export async function knowledgeVersion(db: Db, workflowId: string): Promise<number> {
  const [row] = await db
    .select({ version: knowledgeBaseVersions.version })
    .from(knowledgeBaseVersions)
    .where(eq(knowledgeBaseVersions.workflowId, workflowId));
  return row?.version ?? 0;
}

/** Built indexes per workflow, each kept for the knowledge-base version it was built from. */
const liveIndexes = new Map<string, { db: Db; version: number; port: KnowledgeBase }>();
/** Bounds memory when a process serves many workflows; the least recently used index goes first. */
const MAX_LIVE_INDEXES = 50;

/** For tests and for a process that wants its memory back. */
export function forgetLiveKnowledge(): void {
  liveIndexes.clear();
}

/**
 * Live and shadow runs: the index is built once per workflow and knowledge-base version and reused across
 * items; each match reads the version (one primary-key lookup), so an import, a delete or a rebuild in any
 * process is seen by the next item here.
 */
export function liveWorkflowKnowledge(db: Db, workflowId: string): KnowledgeBase {
  return {
    async match(request) {
      const version = await knowledgeVersion(db, workflowId);
      let cached = liveIndexes.get(workflowId);
      if (!cached || cached.version !== version || cached.db !== db) {
        cached = { db, version, port: portOver(db, workflowId) };
        if (liveIndexes.size >= MAX_LIVE_INDEXES) {
          const oldest = liveIndexes.keys().next().value;
          if (oldest !== undefined) liveIndexes.delete(oldest);
        }
      } else liveIndexes.delete(workflowId);
      liveIndexes.set(workflowId, cached);
      try {
        return await cached.port.match(request);
      } catch (error) {
        // A failed load must not stay cached: the next item tries again.
        if (liveIndexes.get(workflowId) === cached) liveIndexes.delete(workflowId);
        throw error;
      }
    },
  };
}
