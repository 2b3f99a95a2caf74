import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileGraph } from "@/lib/engine/compile/compile-graph";
import { runItem } from "@/lib/engine/run/run-item";
import { edge, fakePorts, graph, node, ticket, triggerNode } from "@/lib/engine/testing/graph-fixtures";
import {
  startLoopbackLlmServer,
  type LoopbackLlmServer,
} from "../../../adapters/models/llm/__tests__/loopback-llm-server";
import type { Database } from "../../../db/client";
import { knowledgeEntries, modelCalls, workflows } from "../../../db/schema";
import { openTestDatabase } from "../../../testing/test-database";
import { createProvider } from "../../models/providers/providers";
import { eq } from "drizzle-orm";
import {
  addEntries,
  deleteEntry,
  KnowledgeImportError,
  listEntries,
  liveWorkflowKnowledge,
  parseEntries,
  workflowKnowledge,
} from "../knowledge-entries";

let database: Database;
let embeddings: LoopbackLlmServer;

const CSV = `id,title,text,resolution
password,Password reset,"I forgot my password and cannot log in",Use Forgot password on the sign-in page.
refund,Double charge,"I was charged twice for one order",We refund the duplicate charge within 5 days.
parcel,Late parcel,"My parcel has not arrived, delivery is late",Track it under Orders; we resend after 10 days.`;

// A toy embedding: one dimension per topic word, so the loopback server answers deterministically.
const TOPICS = ["password", "charge", "parcel"];
const vector = (text: string) => TOPICS.map((t) => (text.toLowerCase().includes(t) ? 1 : 0.01));

beforeAll(async () => {
  database = await openTestDatabase();
  await database.db.insert(workflows).values({ id: "wf-1", name: "Support" });
  embeddings = await startLoopbackLlmServer((request) => {
    const input = request.body.input as string[] | string;
    const values = Array.isArray(input) ? input : [input];
    return {
      body: {
        object: "list",
        data: values.map((v, index) => ({ object: "embedding", index, embedding: vector(v) })),
        model: String(request.body.model),
        usage: { prompt_tokens: 5, total_tokens: 5 },
      },
    };
  });
}, 60_000);
afterAll(async () => {
  await embeddings.close();
  await database.close();
});

/** An OpenAI-compatible provider on a loopback server, for embeddings; answers its id. */
async function embeddingProvider(
  name: string,
  server: LoopbackLlmServer,
  model: string,
  inputCostPerMillion = 0,
): Promise<string> {
  const { id } = await createProvider(database.db, null, {
    name,
    kind: "openai-compatible",
    baseUrl: `${server.url}/v1`,
    defaultModel: model,
    concurrency: 2,
    requestsPerMinute: 600,
    timeoutMs: 5_000,
    inputCostPerMillion,
    outputCostPerMillion: 0,
  });
  return id;
}

describe("knowledge base", () => {
  it("imports CSV and JSON, reporting rows without a resolution by number", async () => {
    const csv = parseEntries("csv", CSV);
    expect(csv.errors).toEqual([]);
    expect(await addEntries(database.db, "wf-1", csv.entries, "import")).toBe(3);
    const json = JSON.stringify([
      { id: "password", text: "forgot my password, locked out", reply: "Reset it." },
    ]);
    expect(await addEntries(database.db, "wf-1", parseEntries("json", json).entries, "import")).toBe(1);
    const { total, entries } = await listEntries(database.db, "wf-1");
    expect(total).toBe(3);
    expect(entries.find((e) => e.entryKey === "password")?.resolution).toBe("Reset it.");
    const partly = parseEntries("json", '[{"text":"no answer"},{"text":"fine","reply":"ok"},7]');
    expect(partly.entries).toEqual([{ text: "fine", resolution: "ok" }]);
    expect(partly.errors).toEqual([
      { row: 1, message: "needs its resolution" },
      { row: 3, message: "is not an object with text and resolution" },
    ]);
    expect(partly.skipped).toBe(2);
    // CSV rows are numbered as lines of the file (the header is line 1).
    const badCsv = parseEntries("csv", "text,resolution\nok,fine\n,missing text\nalso ok,\n");
    expect(badCsv.errors).toEqual([
      { row: 3, message: "needs its text" },
      { row: 4, message: "needs its resolution" },
    ]);
    expect(() => parseEntries("csv", "title,body\na,b")).toThrow(/needs the columns text and resolution/);
    expect(() => parseEntries("json", "{}")).toThrow(KnowledgeImportError);
    // Restore the CSV version for the tests below.
    await addEntries(database.db, "wf-1", csv.entries, "import");
  });

  it("searches entries by id, title, text or resolution", async () => {
    const found = await listEntries(database.db, "wf-1", { search: "CHARGED" });
    expect(found).toMatchObject({ total: 3, matching: 1, entries: [{ entryKey: "refund" }] });
    expect((await listEntries(database.db, "wf-1", { search: "100%_" })).matching).toBe(0);
  });

  it("matches by BM25 with a similarity in [0, 1]", async () => {
    const match = await workflowKnowledge(database.db, "wf-1").match({ text: "charged twice for my order" });
    expect(match).toMatchObject({ entryId: "refund", method: "bm25" });
    expect(match!.similarity).toBeGreaterThan(0.2);
    expect(match!.similarity).toBeLessThanOrEqual(1);
    expect(
      await workflowKnowledge(database.db, "wf-1").match({ text: "quantum chromodynamics" }),
    ).toBeUndefined();
  });

  it("matches by embeddings through a configured provider, storing entry embeddings once", async () => {
    const id = await embeddingProvider("Local embeddings", embeddings, "nomic-embed", 0.02);
    const ref = { providerId: id, model: "nomic-embed" };
    const match = await workflowKnowledge(database.db, "wf-1").match({
      text: "where is my parcel",
      embedding: ref,
    });
    expect(match).toMatchObject({ entryId: "parcel", method: "embedding" });
    expect(match!.similarity).toBeGreaterThan(0.9);
    const stored = await database.db.select().from(knowledgeEntries);
    expect(stored.every((e) => e.embeddingModel === `${id}/nomic-embed` && e.embedding?.length === 3)).toBe(
      true,
    );
    const before = embeddings.requests.length;
    await workflowKnowledge(database.db, "wf-1").match({ text: "password help", embedding: ref });
    // Only the query was embedded this time.
    expect(embeddings.requests.length - before).toBe(1);
    // Every call is recorded as classification calls are: the entries once, then each query.
    const calls = await database.db.select().from(modelCalls).where(eq(modelCalls.providerId, id));
    expect(calls).toHaveLength(3);
    for (const call of calls) {
      expect(call).toMatchObject({ model: "nomic-embed", purpose: "embed", status: "ok", inputTokens: 5 });
      expect(call.costUsd).toBeCloseTo((5 * 0.02) / 1_000_000, 12);
      expect(call.latencyMs).toBeGreaterThanOrEqual(0);
    }
  });

  it("records a failed embedding call with its error, then answers by BM25", async () => {
    const failing = await startLoopbackLlmServer(() => ({
      status: 400,
      body: { error: { message: "model not found", type: "invalid_request_error" } },
    }));
    try {
      const id = await embeddingProvider("Broken embeddings", failing, "nope");
      // The entries hold no embedding of this provider yet: the failing call is the entries' one.
      const match = await workflowKnowledge(database.db, "wf-1").match({
        text: "charged twice",
        embedding: { providerId: id, model: "nope" },
      });
      expect(match).toMatchObject({ entryId: "refund", method: "bm25" });
      const calls = await database.db.select().from(modelCalls).where(eq(modelCalls.providerId, id));
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({ purpose: "embed", status: "error", inputTokens: 0 });
      expect(calls[0]!.error).toMatch(/model not found/);
    } finally {
      await failing.close();
    }
  });

  it("falls back to BM25 when the embedding provider fails", async () => {
    const match = await workflowKnowledge(database.db, "wf-1").match({
      text: "charged twice",
      embedding: { providerId: "missing", model: "x" },
    });
    expect(match).toMatchObject({ entryId: "refund", method: "bm25" });
  });

  // trigger ─► match ─matched──► resolve (the entry's reply)
  //                  └no_match─► route to support
  it("feeds the match node through the KnowledgeBase port", async () => {
    const compiled = compileGraph(
      graph(
        [
          triggerNode(),
          node("match", "match", { source: "knowledge_base", threshold: 0.2 }),
          node("answer", "resolve", { resolution: "known", replyTemplate: "{{nodes.match.reply}}" }),
          node("support", "route", { team: "support" }),
        ],
        [
          edge("trigger", "out", "match"),
          edge("match", "matched", "answer"),
          edge("match", "no_match", "support"),
        ],
      ),
    );
    const knowledge = workflowKnowledge(database.db, "wf-1");
    const ports = { ...fakePorts(), knowledge };
    const hit = await runItem(compiled, ticket("I forgot my password"), { ports, trace: true });
    expect(hit.outcome).toMatchObject({ type: "resolve", reply: "Use Forgot password on the sign-in page." });
    expect(hit.trace?.steps[1]?.output).toMatchObject({ matched: true, entryId: "password" });
    const miss = await runItem(compiled, ticket("quantum chromodynamics"), { ports, trace: true });
    expect(miss.outcome).toMatchObject({ type: "route", team: "support" });
    const none = await runItem(compiled, ticket("I forgot my password"), { ports: fakePorts() });
    expect(none.outcome).toMatchObject({ type: "route", team: "support" });
  });

  it("keeps the live index per knowledge-base version, and rebuilds it after a change", async () => {
    const live = liveWorkflowKnowledge(database.db, "wf-1");
    expect(await live.match({ text: "charged twice for my order" })).toMatchObject({ entryId: "refund" });
    // Removed behind the service's back (no version bump): the kept index still answers from memory.
    const [refund] = await database.db
      .select()
      .from(knowledgeEntries)
      .where(eq(knowledgeEntries.entryKey, "refund"));
    await database.db.delete(knowledgeEntries).where(eq(knowledgeEntries.id, refund!.id));
    expect(await live.match({ text: "charged twice for my order" })).toMatchObject({ entryId: "refund" });
    // A change through the service bumps the version: the next item sees the base as it is.
    await database.db.insert(knowledgeEntries).values(refund!);
    await deleteEntry(database.db, "wf-1", "refund");
    expect((await live.match({ text: "charged twice for my order" }))?.entryId).not.toBe("refund");
    await addEntries(database.db, "wf-1", parseEntries("csv", CSV).entries, "import");
    expect(await live.match({ text: "charged twice for my order" })).toMatchObject({ entryId: "refund" });
  });
});
