import { describe, expect, it } from "vitest";
import { circuitSegments, circuitShares, type CircuitTransition } from "../circuit-timeline";
import { judgeConfidenceDrift } from "../confidence-drift";
import { connectorSeries } from "../connector-series";
import type { TracedItem } from "../node-stats";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MONDAY = Date.UTC(2026, 10, 2);

/*
 * day 1 (Monday)                           day 2
 * 10:00 open ──(cool-down 1 h)── 11:00 half-open (no call yet) … 12:00 probe → open … 13:30 probe → closed
 */
const opened: CircuitTransition = { atMs: MONDAY + 10 * HOUR, from: "closed", to: "open", cooldownMs: HOUR };
const transitions: CircuitTransition[] = [
  opened,
  { atMs: MONDAY + 12 * HOUR, from: "open", to: "half_open", cooldownMs: null },
  { atMs: MONDAY + 12 * HOUR + 1, from: "half_open", to: "open", cooldownMs: HOUR },
  { atMs: MONDAY + 13.5 * HOUR, from: "open", to: "half_open", cooldownMs: null },
  { atMs: MONDAY + 13.5 * HOUR + 5, from: "half_open", to: "closed", cooldownMs: null },
];

describe("circuit timeline", () => {
  it("follows the breaker: open for its cool-down, half-open until a probe settles it", () => {
    const segments = circuitSegments(transitions, { fromMs: MONDAY, toMs: MONDAY + DAY });
    expect(segments.map((s) => [s.state, (s.fromMs - MONDAY) / HOUR, (s.toMs - MONDAY) / HOUR])).toEqual([
      ["closed", 0, 10],
      ["open", 10, 11],
      ["half_open", 11, 12 + 1 / HOUR],
      ["open", 12 + 1 / HOUR, 13 + 1 / HOUR],
      ["half_open", 13 + 1 / HOUR, 13.5 + 5 / HOUR],
      ["closed", 13.5 + 5 / HOUR, 24],
    ]);
    // The probe at 12:00 turned half-open for a millisecond: merged into the half-open before it.
    expect(segments[2]!.toMs).toBe(MONDAY + 12 * HOUR + 1);
  });

  it("starts a range in the state the last change before it left", () => {
    const segments = circuitSegments([], { fromMs: MONDAY + 10.5 * HOUR, toMs: MONDAY + 12 * HOUR }, opened);
    expect(segments.map((s) => [s.state, (s.toMs - s.fromMs) / HOUR])).toEqual([
      ["open", 0.5],
      ["half_open", 1],
    ]);
    expect(circuitSegments([], { fromMs: MONDAY, toMs: MONDAY + DAY })).toEqual([
      { state: "closed", fromMs: MONDAY, toMs: MONDAY + DAY },
    ]);
  });

  it("gives each day its share of time open and the openings in it", () => {
    const range = { fromMs: MONDAY, toMs: MONDAY + 2 * DAY };
    const segments = circuitSegments(transitions, range);
    const [monday, tuesday] = circuitShares(segments, transitions, [MONDAY, MONDAY + DAY], DAY, range);
    expect(monday!.openShare).toBeCloseTo(2 / 24, 6);
    expect(monday!.halfOpenShare).toBeCloseTo(1.5 / 24, 4);
    expect(monday!.openings).toBe(2);
    expect(monday!.openMs).toBe(2 * HOUR);
    expect(tuesday).toEqual({ openShare: 0, halfOpenShare: 0, openMs: 0, halfOpenMs: 0, openings: 0 });
  });
});

describe("connector series", () => {
  const call = (atMs: number, durationMs: number, handle = "found"): TracedItem & { steps: never[] } =>
    ({
      receivedAtMs: atMs,
      steps: [{ nodeId: "crm", type: "connector", handle, durationMs }],
    }) as never;

  it("gives per day the failure rate, p50/p95 latency and circuit share of each connector of the graph", () => {
    const traced = [
      call(MONDAY + HOUR, 10),
      call(MONDAY + 2 * HOUR, 20),
      call(MONDAY + 3 * HOUR, 30, "unavailable"),
      call(MONDAY + 4 * HOUR, 40, "error"),
      call(MONDAY + DAY + HOUR, 100),
    ];
    const [billing, crm] = connectorSeries(
      traced,
      new Map([["crm", "crm-api"]]),
      new Map([["crm-api", { transitions, before: null }]]),
      ["crm-api", "billing-api"],
      { fromMs: MONDAY, toMs: MONDAY + 2 * DAY },
      "day",
    );
    expect(crm!.connectorId).toBe("crm-api");
    expect(crm!.buckets[0]).toMatchObject({
      calls: 4,
      failures: 2,
      failureRate: 0.5,
      p50Ms: 25,
      circuitOpenings: 2,
    });
    expect(crm!.buckets[0]!.p95Ms).toBeCloseTo(38.5);
    expect(crm!.buckets[1]).toMatchObject({
      calls: 1,
      failures: 0,
      failureRate: 0,
      p50Ms: 100,
      circuitOpenShare: 0,
    });
    // A connector of the graph that was never called is listed, with empty buckets and a closed circuit.
    expect(billing).toMatchObject({ connectorId: "billing-api", circuit: [{ state: "closed" }] });
    expect(billing!.buckets.map((b) => b.failureRate)).toEqual([null, null]);
  });
});

describe("confidence drift", () => {
  const confident = (n: number, confidence: number, nodeId = "classify"): TracedItem[] =>
    Array.from({ length: n }, (_, i) => ({
      receivedAtMs: MONDAY + i,
      steps: [{ nodeId, type: "classify", handle: "billing", confidence, durationMs: 1 }],
    }));
  const band = { confidenceDropPoints: 10, minSample: 20, windowDays: 7, referenceDays: 28 };

  it("flags the node whose mean confidence fell further than the band below its previous weeks", () => {
    const judged = judgeConfidenceDrift(confident(30, 0.7), confident(100, 0.85), band);
    expect(judged).toMatchObject({ metric: "mean_confidence", breached: true });
    expect(judged.baselineValue).toBeCloseTo(0.85);
    expect(judged.observedValue).toBeCloseTo(0.7);
    expect(judged.detail).toMatch(
      /^mean confidence at classify 0\.70 on 30 items over 7 days, 15\.0 points below its 0\.85/,
    );
  });

  it("stays in band within the band, and does not judge on too few confidences", () => {
    expect(judgeConfidenceDrift(confident(30, 0.8), confident(100, 0.85), band).breached).toBe(false);
    expect(judgeConfidenceDrift(confident(5, 0.1), confident(100, 0.85), band).breached).toBeNull();
  });
});
