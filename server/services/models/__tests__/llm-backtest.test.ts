import crypto from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ticketCategories } from "@/lib/demo/support-triage";
import type { LlmModelRef } from "@/lib/engine/model-ref";
import { expectedCalibrationError } from "@/lib/models";
import {
  chatCompletion,
  startLoopbackLlmServer,
  type LoopbackLlmServer,
  type RecordedRequest,
} from "../../../adapters/models/llm/__tests__/loopback-llm-server";
import type { Database } from "../../../db/client";
import { backtestResults, datasetRows, workflowVersions } from "../../../db/schema";
import { openTestDatabase } from "../../../testing/test-database";
import { demoFixture } from "../../backtests/__tests__/fixtures";
import { DEMO_READS_FIXTURE } from "../../backtests/demo-history";
import { executeBacktest } from "../../backtests/run-backtest";
import { startBacktest } from "../../backtests/start-backtest";
import { compileGraph } from "@/lib/engine/compile/compile-graph";
import { calibrateFromRun, calibrationRuns, calibrationSample } from "../calibration/calibrations";
import { runModels } from "../run-models";
import { createProvider, updateProvider } from "../providers/providers";

/*
 * The demo workflow with its classify node asking an LLM on a loopback OpenAI-compatible server:
 *
 *   trigger ─► screen ─► urgency ─► known_fix ─no_match─► classify (LLM) ─► route_<category>
 *                                                                 └ low_confidence → person
 *
 * Model "always-sure" answers billing at 0.95 for every ticket (right only for billing tickets).
 * Model "hashed" answers a category picked from a hash of the ticket text, so an answer belongs to one item.
 */
let database: Database;
let fx: Awaited<ReturnType<typeof demoFixture>>;
let server: LoopbackLlmServer;
let providerId: string;
const FROM = new Date(Date.UTC(2025, 0, 20));
const TO = new Date(Date.UTC(2025, 0, 27));

function itemTextOf(request: RecordedRequest): string {
  const messages = request.body.messages as Array<{ role: string; content: string }>;
  const prompt = messages.find((m) => m.role === "user")?.content ?? "";
  const items = [...prompt.matchAll(/<item>([\s\S]*?)<\/item>/g)];
  return unescape(items[items.length - 1]?.[1] ?? "");
}
const unescape = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const hashedCategory = (text: string) =>
  ticketCategories[crypto.createHash("sha256").update(text).digest()[0]! % ticketCategories.length]!;

beforeAll(async () => {
  database = await openTestDatabase();
  fx = await demoFixture(database.db);
  server = await startLoopbackLlmServer((request) => {
    const text = itemTextOf(request);
    if (request.body.model === "always-sure")
      return { body: chatCompletion('{"label":"billing","confidence":0.95}') };
    return {
      body: chatCompletion(JSON.stringify({ label: hashedCategory(text), confidence: 0.9 })),
      delayMs: 15,
    };
  });
  ({ id: providerId } = await createProvider(database.db, fx.ownerId, {
    name: "Loopback",
    kind: "openai-compatible",
    baseUrl: `${server.url}/v1`,
    defaultModel: "always-sure",
    concurrency: 4,
    requestsPerMinute: 100_000,
    timeoutMs: 5_000,
    inputCostPerMillion: 0,
    outputCostPerMillion: 0,
  }));
}, 120_000);
afterAll(async () => {
  await server.close();
  await database.close();
});

/** The draft version with the classify node asking `model`. */
async function useModel(model: LlmModelRef) {
  const [draft] = await database.db
    .select()
    .from(workflowVersions)
    .where(eq(workflowVersions.id, fx.draft.id));
  const graph = structuredClone(draft!.graph);
  const classify = graph.nodes.find((n) => n.id === "classify")!;
  classify.config = { ...classify.config, model, threshold: 0.7 };
  await database.db.update(workflowVersions).set({ graph }).where(eq(workflowVersions.id, fx.draft.id));
}

async function backtest() {
  const { runId } = await startBacktest(
    database.db,
    fx.ownerId,
    {
      workflowId: fx.workflowId,
      versionId: fx.draft.id,
      datasetId: fx.datasetId,
      from: FROM,
      to: TO,
      readsFixture: DEMO_READS_FIXTURE,
    },
    { launch: false, requireCriteria: false },
  );
  expect(await executeBacktest(database.db, runId, { batchSize: 120 })).toBe("done");
  return runId;
}

const eceOf = (sample: { confidences: number[]; correct: boolean[] }) =>
  expectedCalibrationError(sample.confidences, sample.correct);

describe("an LLM node calibrated on a backtest", () => {
  it("maps a model that always says 0.95 to how often it is right, and lowers the ECE of the next run", async () => {
    const model: LlmModelRef = { kind: "llm", providerId, model: "always-sure" };
    await useModel(model);
    const first = await backtest();
    const asRun = await calibrationSample(database.db, first, "classify");
    expect(asRun.confidences.length).toBeGreaterThan(50);
    expect(new Set(asRun.confidences)).toEqual(new Set([0.95]));
    const accuracy = asRun.correct.filter(Boolean).length / asRun.correct.length;
    expect(accuracy).toBeLessThan(0.5);

    const runs = await calibrationRuns(database.db, {
      workflowId: fx.workflowId,
      nodeId: "classify",
      providerId,
      model: "always-sure",
    });
    expect(runs[0]).toMatchObject({ id: first, unusable: null });
    const { calibration, view } = await calibrateFromRun(database.db, fx.ownerId, {
      workflowId: fx.workflowId,
      nodeId: "classify",
      runId: first,
      providerId,
      model: "always-sure",
    });
    expect(view).toMatchObject({ version: 1, sourceRunId: first, sampleSize: asRun.confidences.length });
    expect(view.eceBefore).toBeGreaterThan(0.4);
    expect(view.eceAfter).toBeLessThan(0.1);

    // The calibration goes into the node's config; the next run's thresholds act on the calibrated score.
    const calls = server.requests.length;
    await useModel({ ...model, calibration });
    const second = await backtest();
    // Same prompts: every answer came from the backtest cache, none from the provider.
    expect(server.requests.length).toBe(calls);
    const calibrated = await calibrationSample(database.db, second, "classify");
    expect(calibrated.confidences.length).toBe(asRun.confidences.length);
    for (const c of calibrated.confidences) expect(c).toBeCloseTo(accuracy, 1);
    expect(eceOf(calibrated)).toBeLessThan(eceOf(asRun) / 4);
    expect(eceOf(calibrated)).toBeLessThan(0.1);

    // Calibrating again from the calibrated run stays put: the new fit composes with the one it ran with.
    const again = await calibrateFromRun(database.db, fx.ownerId, {
      workflowId: fx.workflowId,
      nodeId: "classify",
      runId: second,
      providerId,
      model: "always-sure",
    });
    expect(again.view.version).toBe(2);
    expect(again.calibration.intercept).toBeCloseTo(calibration.intercept, 1);
  }, 120_000);

  it("refuses a run of another model", async () => {
    const runs = await calibrationRuns(database.db, {
      workflowId: fx.workflowId,
      nodeId: "classify",
      providerId,
      model: "hashed",
    });
    expect(runs.every((r) => r.unusable?.includes("always-sure"))).toBe(true);
    await expect(
      calibrateFromRun(database.db, fx.ownerId, {
        workflowId: fx.workflowId,
        nodeId: "classify",
        runId: runs[0]!.id,
        providerId,
        model: "hashed",
      }),
    ).rejects.toThrow(/calibrate from a run of hashed/);
  });
});

describe("a backtest of an LLM graph", () => {
  async function predictions(runId: string) {
    return database.db
      .select({
        seq: backtestResults.seq,
        predicted: backtestResults.predictedLabel,
        at: datasetRows.occurredAt,
      })
      .from(backtestResults)
      .innerJoin(datasetRows, eq(datasetRows.id, backtestResults.rowId))
      .where(eq(backtestResults.runId, runId))
      .orderBy(asc(backtestResults.seq));
  }

  it("runs items side by side within the provider's concurrency, with results in time order", async () => {
    await updateProvider(database.db, {
      providerId,
      name: "Loopback",
      kind: "openai-compatible",
      baseUrl: `${server.url}/v1`,
      defaultModel: "always-sure",
      concurrency: 1,
      requestsPerMinute: 100_000,
      timeoutMs: 5_000,
      inputCostPerMillion: 0,
      outputCostPerMillion: 0,
    });
    await useModel({ kind: "llm", providerId, model: "hashed" });
    server.maxInFlight = 0;
    const oneAtATime = await predictions(await backtest());
    expect(server.maxInFlight).toBe(1);

    await updateProvider(database.db, {
      providerId,
      name: "Loopback",
      kind: "openai-compatible",
      baseUrl: `${server.url}/v1`,
      defaultModel: "always-sure",
      concurrency: 4,
      requestsPerMinute: 100_000,
      timeoutMs: 5_000,
      inputCostPerMillion: 0,
      outputCostPerMillion: 0,
    });
    // Another model name, so the cache answers nothing and every call goes out again.
    await useModel({ kind: "llm", providerId, model: "hashed", instructions: "Pick the team's category." });
    server.maxInFlight = 0;
    const sideBySide = await predictions(await backtest());
    expect(server.maxInFlight).toBeGreaterThan(1);
    expect(server.maxInFlight).toBeLessThanOrEqual(4);
    // Each item got its own answer (a mix-up would move a hashed label to another row) and time order held.
    expect(sideBySide.map((r) => r.predicted)).toEqual(oneAtATime.map((r) => r.predicted));
    for (let i = 1; i < sideBySide.length; i++)
      expect(sideBySide[i]!.at.getTime()).toBeGreaterThanOrEqual(sideBySide[i - 1]!.at.getTime());
  }, 120_000);

  it("shows few-shot examples from before the window only, as data, with the node's labels", async () => {
    // Near-copies of window items: one set just before the window (fair game), one long after (never).
    const window = await database.db
      .select()
      .from(datasetRows)
      .where(eq(datasetRows.datasetId, fx.datasetId))
      .orderBy(asc(datasetRows.occurredAt))
      .then((rows) => rows.filter((r) => r.occurredAt >= FROM && r.text).slice(0, 40));
    const copy = (row: (typeof window)[number], marker: string, at: Date) => ({
      ...row,
      id: undefined,
      itemId: `${row.itemId}-${marker}`,
      text: `${row.text} ${marker}`,
      occurredAt: at,
    });
    await database.db
      .insert(datasetRows)
      .values([
        ...window.map((r) => copy(r, "zqxearly", new Date(FROM.getTime() - 3_600_000))),
        ...window.map((r) => copy(r, "zqxlater", new Date(Date.UTC(2026, 0, 1)))),
      ]);

    await useModel({ kind: "llm", providerId, model: "hashed", fewShot: 3 });
    const before = server.requests.length;
    await backtest();
    const sent = server.requests.slice(before);
    expect(sent.length).toBeGreaterThan(50);
    const examples = sent.flatMap((request) => {
      const messages = request.body.messages as Array<{ role: string; content: string }>;
      const prompt = messages.find((m) => m.role === "user")!.content;
      return [
        ...prompt.matchAll(/<example>\n<item>([\s\S]*?)<\/item>\n<label>(.*?)<\/label>\n<\/example>/g),
      ].map((m) => ({ text: unescape(m[1]!), label: m[2]! }));
    });
    expect(examples.length).toBeGreaterThan(sent.length * 2);
    for (const e of examples) expect(ticketCategories).toContain(e.label);
    // The early copies are the closest cases there are, and they are used: the check below can fail.
    expect(examples.some((e) => e.text.includes("zqxearly"))).toBe(true);
    expect(examples.filter((e) => e.text.includes("zqxlater"))).toEqual([]);
    // Delimited as data: the item comes last, after the examples, inside its own tags.
    const last = sent[0]!.body.messages as Array<{ role: string; content: string }>;
    expect(last.find((m) => m.role === "user")!.content).toMatch(
      /Now the item to classify:\n<item>[\s\S]*<\/item>$/,
    );
  }, 120_000);

  it("live: examples come from the workflow's history, the newest cases included", async () => {
    // The history of a live run is the dataset of the workflow's latest backtest, up to now: cases dated
    // long after any backtest window are fair game here.
    const [sample] = await database.db
      .select()
      .from(datasetRows)
      .where(eq(datasetRows.datasetId, fx.datasetId))
      .limit(1);
    await database.db.insert(datasetRows).values(
      ["once", "twice", "thrice"].map((n) => ({
        ...sample!,
        id: undefined,
        itemId: `recent-${n}`,
        text: `I was charged ${n} zqxrecent`,
        occurredAt: new Date(Date.UTC(2026, 5, 1)),
      })),
    );
    await useModel({ kind: "llm", providerId, model: "hashed", fewShot: 4 });
    await backtest();
    const [draft] = await database.db
      .select()
      .from(workflowVersions)
      .where(eq(workflowVersions.id, fx.draft.id));
    const compiled = compileGraph(draft!.graph);
    const models = runModels(database.db, { workflow: { id: fx.workflowId, compiled } });
    const before = server.requests.length;
    const result = await models.classify({
      text: "I was charged twice zqxrecent",
      labels: ticketCategories,
      model: { kind: "llm", providerId, model: "hashed", fewShot: 4 },
    });
    expect(ticketCategories).toContain(result.label);
    const [request] = server.requests.slice(before);
    const messages = request!.body.messages as Array<{ role: string; content: string }>;
    const prompt = messages.find((m) => m.role === "user")!.content;
    const examples = [
      ...prompt.matchAll(/<example>\n<item>([\s\S]*?)<\/item>\n<label>(.*?)<\/label>\n<\/example>/g),
    ].map((m) => ({ text: unescape(m[1]!), label: m[2]! }));
    expect(examples).toHaveLength(4);
    for (const e of examples) expect(ticketCategories).toContain(e.label);
    // A live item may learn from everything before it: the cases dated 2026 are the closest, and used.
    expect(examples.some((e) => e.text.includes("zqxrecent"))).toBe(true);
    expect(prompt).toMatch(/Now the item to classify:\n<item>I was charged twice zqxrecent<\/item>$/);
  }, 60_000);
});
