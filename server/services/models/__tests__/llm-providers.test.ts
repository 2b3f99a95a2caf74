import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { LlmModelRef } from "@/lib/engine/model-ref";
import {
  chatCompletion,
  startLoopbackLlmServer,
  type LoopbackLlmServer,
} from "../../../adapters/models/llm/__tests__/loopback-llm-server";
import type { Database } from "../../../db/client";
import { modelCallCache, modelCalls, secrets, user } from "../../../db/schema";
import { openTestDatabase } from "../../../testing/test-database";
import { createProviderInput } from "../providers/provider-input";
import { createProvider, listProviders, setProviderKey, updateProvider } from "../providers/providers";
import { testProvider } from "../providers/test-provider";
import { runModels } from "../run-models";

let database: Database;
let server: LoopbackLlmServer;
const API_KEY = "sk-live-do-not-leak-123";

beforeAll(async () => {
  database = await openTestDatabase();
  await database.db.insert(user).values({ id: "admin-1", email: "a@test", name: "Admin", role: "admin" });
  server = await startLoopbackLlmServer(() => ({
    body: chatCompletion('{"label":"billing","confidence":0.8}'),
  }));
}, 60_000);
afterAll(async () => {
  await server.close();
  await database.close();
});

const fields = (url: string) => ({
  name: "Local vLLM",
  kind: "openai-compatible" as const,
  baseUrl: `${url}/v1`,
  defaultModel: "qwen",
  concurrency: 2,
  requestsPerMinute: 600,
  timeoutMs: 5_000,
  inputCostPerMillion: 1,
  outputCostPerMillion: 4,
});

describe("model providers", () => {
  it("asks an OpenAI-compatible provider for its base URL", () => {
    const parsed = createProviderInput.safeParse({ ...fields("http://x"), baseUrl: null });
    expect(parsed.success).toBe(false);
  });

  it("stores the key encrypted and never lists it", async () => {
    const { id } = await createProvider(database.db, "admin-1", { ...fields(server.url), apiKey: API_KEY });
    const [listed] = await listProviders(database.db);
    expect(listed).toMatchObject({ id, name: "Local vLLM", apiKey: { set: true } });
    expect(JSON.stringify(listed)).not.toContain(API_KEY);
    const stored = await database.db
      .select()
      .from(secrets)
      .where(eq(secrets.scope, `model-provider:${id}`));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.ciphertext).not.toContain(API_KEY);
  });

  it("test-calls the provider with its key, and records the call", async () => {
    const [provider] = await listProviders(database.db);
    const result = await testProvider(database.db, provider!.id);
    expect(result).toMatchObject({
      ok: true,
      label: "billing",
      confidence: 0.8,
      calibrated: false,
      model: "qwen",
    });
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    const [after] = await listProviders(database.db);
    expect(after?.usage).toMatchObject({ calls: 1, errors: 0, inputTokens: 120, outputTokens: 12 });
  });

  it("reports a failing test call without the key in the message", async () => {
    const [provider] = await listProviders(database.db);
    server.reply = () => ({ status: 401, body: { error: { message: `bad key ${API_KEY}` } } });
    const result = await testProvider(database.db, provider!.id);
    server.reply = () => ({ body: chatCompletion('{"label":"billing","confidence":0.8}') });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/HTTP 401/) });
    expect(JSON.stringify(result)).not.toContain(API_KEY);
  });

  it("caches identical calls in backtests (not in live runs) and records tokens and cost", async () => {
    const [provider] = await listProviders(database.db);
    await updateProvider(database.db, { providerId: provider!.id, ...fields(server.url), name: "vLLM" });
    await setProviderKey(database.db, provider!.id, API_KEY);
    const ref: LlmModelRef = { kind: "llm", providerId: provider!.id, model: "qwen" };
    const request = { text: "double charge on my card", labels: ["billing", "technical"], model: ref };
    const before = server.requests.length;

    const backtest = runModels(database.db, { cacheCalls: true });
    const first = await backtest.classify(request);
    const second = await runModels(database.db, { cacheCalls: true }).classify(request);
    expect(first.label).toBe("billing");
    expect(second).toMatchObject({ label: "billing", usage: { cached: true, costUsd: 0 } });
    expect(server.requests.length - before).toBe(1);
    expect(await database.db.select().from(modelCallCache)).toHaveLength(1);

    await runModels(database.db).classify(request);
    expect(server.requests.length - before).toBe(2);

    const calls = await database.db.select().from(modelCalls).where(eq(modelCalls.purpose, "classify"));
    expect(calls.map((c) => c.status).sort()).toEqual(["cached", "ok", "ok"]);
    const paid = calls.find((c) => c.status === "ok")!;
    // 120 × $1/M + 12 × $4/M
    expect(paid.costUsd).toBeCloseTo(0.000168, 9);
    expect(paid.inputTokens).toBe(120);
  });
});
