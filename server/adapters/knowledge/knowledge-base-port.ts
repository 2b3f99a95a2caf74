import { cosineSimilarity, embed, embedMany } from "ai";
import { buildBm25Index } from "@/lib/engine/text/bm25";
import type { KnowledgeBase, KnowledgeMatch, KnowledgeMatchRequest } from "@/lib/engine/ports";
import { costOf, type ModelCallRecord } from "../models/llm/llm-models-port";
import { embeddingModelFor, type ProviderConnection } from "../models/llm/provider-connection";

export interface KnowledgeRow {
  id: string;
  entryKey: string;
  title: string;
  text: string;
  resolution: string;
  embedding: number[] | null;
  embeddingModel: string | null;
}

export interface KnowledgeBaseDeps {
  load(): Promise<KnowledgeRow[]>;
  connection?(providerId: string): Promise<ProviderConnection | undefined>;
  /** Keeps entry embeddings, so each entry is embedded once per model. */
  saveEmbeddings?(model: string, vectors: Array<{ id: string; embedding: number[] }>): Promise<void>;
  /** Records each embedding call (tokens, latency, cost), as classification calls are. */
  recordCall?(call: ModelCallRecord): Promise<void>;
}

const documentText = (row: KnowledgeRow) => `${row.title}\n${row.text}`;

/**
 * A workflow's knowledge base as the engine's KnowledgeBase port. Entries are loaded and indexed once per port
 * (one run, or one whole backtest). BM25 by default; embeddings (cosine, negatives as 0) when the node names a
 * provider, falling back to BM25 when the provider fails, so a down provider costs quality, not the item.
 */
export function knowledgeBasePort(deps: KnowledgeBaseDeps): KnowledgeBase {
  type Loaded = {
    rows: KnowledgeRow[];
    byId: Map<string, KnowledgeRow>;
    rank: ReturnType<typeof buildBm25Index>["rank"];
  };
  let loaded: Promise<Loaded> | undefined;
  const entries = () =>
    (loaded ??= deps.load().then((rows) => {
      const index = buildBm25Index(rows.map((r) => ({ id: r.id, text: documentText(r) })));
      return { rows, byId: new Map(rows.map((r) => [r.id, r])), rank: index.rank };
    }));

  const toMatch = (
    row: KnowledgeRow,
    similarity: number,
    method: KnowledgeMatch["method"],
  ): KnowledgeMatch => ({
    entryId: row.entryKey,
    title: row.title,
    reply: row.resolution,
    similarity: Math.round(similarity * 10_000) / 10_000,
    method,
  });

  /** Runs one embedding call and records it, failed or not; a failure to record never fails the match. */
  async function recorded<T extends { usage: { tokens: number } }>(
    connection: ProviderConnection,
    modelName: string,
    call: () => Promise<T>,
  ): Promise<T> {
    const started = performance.now();
    const record = (status: ModelCallRecord["status"], inputTokens: number, error?: string) =>
      deps
        .recordCall?.({
          providerId: connection.id,
          model: modelName,
          purpose: "embed",
          status,
          inputTokens,
          outputTokens: 0,
          latencyMs: Math.round(performance.now() - started),
          costUsd: costOf(connection, inputTokens, 0),
          error,
        })
        .catch(() => undefined);
    try {
      const result = await call();
      await record("ok", result.usage.tokens);
      return result;
    } catch (error) {
      await record("error", 0, error instanceof Error ? error.message.slice(0, 500) : String(error));
      throw error;
    }
  }

  async function byEmbedding(
    rows: KnowledgeRow[],
    request: Required<Pick<KnowledgeMatchRequest, "embedding">> & KnowledgeMatchRequest,
  ): Promise<KnowledgeMatch | undefined> {
    const connection = await deps.connection?.(request.embedding.providerId);
    if (!connection) throw new Error(`no model provider "${request.embedding.providerId}" is configured`);
    const model = embeddingModelFor(connection, request.embedding.model);
    const tag = `${connection.id}/${request.embedding.model}`;
    const missing = rows.filter((r) => r.embeddingModel !== tag || !r.embedding);
    if (missing.length > 0) {
      const { embeddings } = await recorded(connection, request.embedding.model, () =>
        embedMany({
          model,
          values: missing.map(documentText),
          maxRetries: 1,
          abortSignal: AbortSignal.timeout(connection.timeoutMs),
        }),
      );
      missing.forEach((row, i) => {
        row.embedding = embeddings[i] ?? null;
        row.embeddingModel = tag;
      });
      await deps.saveEmbeddings?.(
        tag,
        missing.map((r) => ({ id: r.id, embedding: r.embedding ?? [] })),
      );
    }
    const { embedding: query } = await recorded(connection, request.embedding.model, () =>
      embed({
        model,
        value: request.text,
        maxRetries: 1,
        abortSignal: AbortSignal.timeout(connection.timeoutMs),
      }),
    );
    let best: { row: KnowledgeRow; similarity: number } | undefined;
    for (const row of rows) {
      if (!row.embedding || row.embedding.length !== query.length) continue;
      const similarity = Math.max(0, cosineSimilarity(query, row.embedding));
      if (!best || similarity > best.similarity) best = { row, similarity };
    }
    return best ? toMatch(best.row, best.similarity, "embedding") : undefined;
  }

  return {
    async match(request) {
      const { rows, byId, rank } = await entries();
      if (rows.length === 0 || !request.text.trim()) return undefined;
      if (request.embedding) {
        try {
          return await byEmbedding(rows, { ...request, embedding: request.embedding });
        } catch {
          // Fall through to BM25: the trace shows method "bm25", which says the embeddings were not used.
        }
      }
      const [top] = rank(request.text, 1);
      const row = top ? byId.get(top.id) : undefined;
      return row && top ? toMatch(row, top.similarity, "bm25") : undefined;
    },
  };
}
