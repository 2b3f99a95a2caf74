import { describe, expect, it } from "vitest";
import { connectorHealth } from "../connector-health";
import { judgeDrift, type DriftBand } from "../drift";
import type { ItemFact } from "../item-fact";
import { nodeFigures } from "../node-stats";
import { connectorIncidents, disagreementPatterns, refinementPriorities } from "../review-figures";
import { percentile } from "../percentile";
import { itemSeries } from "../series";
import { labelFigures, summarizeItems } from "../summarize-items";
import { wilsonInterval } from "../wilson-interval";

const DAY = 86_400_000;
const MONDAY = Date.UTC(2026, 10, 2);

describe("wilson interval", () => {
  it("does not let three decisions read as 100%", () => {
    const three = wilsonInterval(3, 3);
    expect(three.rate).toBe(1);
    expect(three.low).toBeCloseTo(0.4385, 3);
    expect(three.high).toBe(1);
  });

  it("matches the textbook interval for 81 of 100", () => {
    const interval = wilsonInterval(81, 100);
    expect(interval.low).toBeCloseTo(0.7222, 3);
    expect(interval.high).toBeCloseTo(0.8749, 3);
  });

  it("has no rate without a sample", () => {
    expect(wilsonInterval(0, 0)).toEqual({ successes: 0, n: 0, rate: null, low: null, high: null });
  });
});

describe("percentile", () => {
  it("interpolates between ranks", () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.95)).toBeCloseTo(95.5);
    expect(percentile([], 0.5)).toBeNull();
  });
});

/** Day 1: 4 auto (3 right, 1 wrong), 2 escalated (confidence, volume), 1 pending. Day 3: 1 auto, 1 error. */
const facts: ItemFact[] = [
  {
    receivedAtMs: MONDAY + 1000,
    kind: "auto",
    predicted: "billing",
    actual: "billing",
    judged: "correct",
    durationMs: 10,
  },
  {
    receivedAtMs: MONDAY + 2000,
    kind: "auto",
    predicted: "billing",
    actual: "billing",
    judged: "correct",
    durationMs: 20,
  },
  {
    receivedAtMs: MONDAY + 3000,
    kind: "auto",
    predicted: "tech",
    actual: "tech",
    judged: "correct",
    durationMs: 30,
  },
  {
    receivedAtMs: MONDAY + 4000,
    kind: "auto",
    predicted: "billing",
    actual: "tech",
    judged: "wrong",
    durationMs: 40,
  },
  { receivedAtMs: MONDAY + 5000, kind: "escalated", reasonType: "confidence", durationMs: 50 },
  { receivedAtMs: MONDAY + 6000, kind: "escalated", reasonType: "volume", durationMs: 60 },
  { receivedAtMs: MONDAY + 7000, kind: "pending" },
  { receivedAtMs: MONDAY + 2 * DAY, kind: "auto", predicted: "tech", durationMs: 5 },
  { receivedAtMs: MONDAY + 2 * DAY + 1, kind: "error", durationMs: 1 },
];

describe("summarize items", () => {
  it("counts rates over processed items and accuracy over labelled decisions only", () => {
    const day1 = summarizeItems(facts.slice(0, 7));
    expect(day1.itemsIn).toBe(7);
    expect(day1.processed).toBe(6);
    expect(day1.automationRate).toBeCloseTo(4 / 6);
    expect(day1.escalationRate).toBeCloseTo(2 / 6);
    expect(day1.escalationsByReason).toEqual({ confidence: 1, volume: 1 });
    expect(day1.accuracy.successes).toBe(3);
    expect(day1.accuracy.n).toBe(4);
    expect(day1.accuracy.rate).toBe(0.75);
    expect(day1.processingP50Ms).toBe(35);
  });

  it("gives every day of the range a point, empty days as zero", () => {
    const series = itemSeries(facts, { fromMs: MONDAY, toMs: MONDAY + 4 * DAY }, "day");
    expect(series.map((p) => p.itemsIn)).toEqual([7, 0, 2, 0]);
    expect(series[1]!.accuracy.rate).toBeNull();
    expect(series[2]!.errors).toBe(1);
    const weeks = itemSeries(facts, { fromMs: MONDAY, toMs: MONDAY + 7 * DAY }, "week");
    expect(weeks).toHaveLength(1);
    expect(weeks[0]!.startMs).toBe(MONDAY);
  });

  it("gives per-label volume and accuracy by the truth", () => {
    const labels = labelFigures(facts);
    const billing = labels.find((l) => l.label === "billing")!;
    const tech = labels.find((l) => l.label === "tech")!;
    expect(billing.decided).toBe(3);
    expect(billing.accuracy.rate).toBe(1);
    expect(tech.decided).toBe(2);
    expect(tech.accuracy).toMatchObject({ successes: 1, n: 2 });
  });
});

describe("drift", () => {
  const band: DriftBand = {
    accuracyDropPoints: 5,
    escalationRisePoints: 5,
    latencyP95Multiplier: 2,
    windowDays: 7,
    minSample: 4,
  };
  const baseline = { autoAccuracy: 0.9, escalationRate: 0.2, latencyP95Ms: 100 };

  it("flags accuracy 15 points down and escalation 13 points up, and not latency within 2×", () => {
    const judged = judgeDrift(summarizeItems(facts.slice(0, 7)), baseline, band);
    expect(judged.find((j) => j.metric === "accuracy")).toMatchObject({
      breached: true,
      observedValue: 0.75,
    });
    expect(judged.find((j) => j.metric === "escalation_rate")?.breached).toBe(true);
    expect(judged.find((j) => j.metric === "latency_p95")?.breached).toBe(false);
  });

  it("flags p95 processing time only when it is both past the multiple and slower by more than the floor", () => {
    const slow = summarizeItems(
      facts.slice(0, 7).map((f) => ({ ...f, durationMs: (f.durationMs ?? 0) * 10 })),
    );
    expect(judgeDrift(slow, baseline, band).find((j) => j.metric === "latency_p95")?.breached).toBe(true);
    const fast = summarizeItems(
      facts.slice(0, 7).map((f) => ({ ...f, durationMs: (f.durationMs ?? 0) / 100 })),
    );
    expect(
      judgeDrift(fast, { ...baseline, latencyP95Ms: 0.1 }, band).find((j) => j.metric === "latency_p95")
        ?.breached,
    ).toBe(false);
  });

  it("does not judge on too small a sample", () => {
    const judged = judgeDrift(summarizeItems(facts.slice(0, 3)), baseline, band);
    expect(judged.find((j) => j.metric === "accuracy")?.breached).toBeNull();
  });

  it("is within band when the figures match the baseline", () => {
    const judged = judgeDrift(
      summarizeItems(facts.slice(0, 7)),
      { ...baseline, autoAccuracy: 0.78, escalationRate: 0.3 },
      band,
    );
    expect(judged.find((j) => j.metric === "accuracy")?.breached).toBe(false);
    expect(judged.find((j) => j.metric === "escalation_rate")?.breached).toBe(false);
  });
});

describe("per node and connector health", () => {
  const traced = [
    {
      receivedAtMs: MONDAY,
      steps: [
        { nodeId: "classify", type: "classify", handle: "billing", confidence: 0.9, durationMs: 1 },
        { nodeId: "crm", type: "connector", handle: "ok", durationMs: 100 },
      ],
    },
    {
      receivedAtMs: MONDAY + DAY,
      steps: [
        { nodeId: "classify", type: "classify", handle: "tech", confidence: 0.5, durationMs: 1 },
        {
          nodeId: "crm",
          type: "connector",
          handle: "unavailable",
          durationMs: 900,
          detail: "CRM is unavailable: the circuit is open after repeated failures.",
        },
      ],
    },
  ];

  it("counts items and handles per node and follows mean confidence per day", () => {
    const nodes = nodeFigures(traced, { fromMs: MONDAY, toMs: MONDAY + 2 * DAY }, "day");
    const classify = nodes.find((n) => n.nodeId === "classify")!;
    expect(classify.items).toBe(2);
    expect(classify.handles).toEqual({ billing: 1, tech: 1 });
    expect(classify.meanConfidence).toBeCloseTo(0.7);
    expect(classify.confidence.map((c) => c.mean)).toEqual([0.9, 0.5]);
  });

  it("reports failures, latency against the profile and the circuit as the newest call left it", () => {
    const [crm] = connectorHealth(
      traced,
      new Map([["crm", "crm-api"]]),
      new Map([["crm-api", { p50Ms: 80, p95Ms: 300 }]]),
    );
    expect(crm).toMatchObject({
      connectorId: "crm-api",
      calls: 2,
      unavailable: 1,
      errors: 0,
      failureRate: 0.5,
      circuit: "open",
    });
    expect(crm!.slowerThanProfile).toBe(true);
  });
});

describe("review figures", () => {
  it("groups disagreements by label pair, most frequent first", () => {
    const wrong = (actual: string, predicted: string): ItemFact => ({
      receivedAtMs: MONDAY,
      kind: "auto",
      actual,
      predicted,
      judged: "wrong",
      nodeId: "route",
    });
    const patterns = disagreementPatterns([
      wrong("tech", "billing"),
      wrong("tech", "billing"),
      wrong("billing", "tech"),
      ...facts,
    ]);
    expect(patterns[0]).toEqual({ actual: "tech", predicted: "billing", count: 3 });
    expect(patterns[1]).toEqual({ actual: "billing", predicted: "tech", count: 1 });
  });

  it("ranks nodes by their share of wrong decisions, escalations and errors", () => {
    const withNodes = facts.map((f, i) => ({
      ...f,
      nodeId: i < 3 ? "route_a" : i < 6 ? "escalate_b" : "classify",
    }));
    const [first, second] = refinementPriorities(withNodes);
    // Trouble: item 3 wrong (escalate_b), items 4 and 5 escalated (escalate_b), item 8 an error (classify).
    expect(first).toMatchObject({ nodeId: "escalate_b", wrong: 1, escalated: 2, share: 0.75 });
    expect(second).toMatchObject({ nodeId: "classify", errors: 1, share: 0.25 });
  });

  it("lists the days a connector failed", () => {
    const traced = [
      { receivedAtMs: MONDAY, steps: [{ nodeId: "crm", type: "connector", handle: "ok", durationMs: 5 }] },
      {
        receivedAtMs: MONDAY + DAY,
        steps: [{ nodeId: "crm", type: "connector", handle: "error", durationMs: 5 }],
      },
    ];
    expect(connectorIncidents(traced, new Map([["crm", "crm-api"]]))).toEqual([
      { connectorId: "crm-api", dayMs: MONDAY + DAY, calls: 1, failures: 1, circuitOpened: false },
    ]);
  });
});
