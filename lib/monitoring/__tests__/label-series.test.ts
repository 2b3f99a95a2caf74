import { describe, expect, it } from "vitest";
import type { ItemFact } from "../item-fact";
import { labelVolumeSeries, OTHER_LABELS } from "../label-series";

const DAY = 86_400_000;
const FROM = Date.UTC(2026, 9, 5); // a Monday
const range = { fromMs: FROM, toMs: FROM + 2 * DAY };

function decided(day: number, predicted: string, judged?: "correct" | "wrong"): ItemFact {
  return { receivedAtMs: FROM + day * DAY + 3_600_000, kind: "auto", predicted, judged };
}

describe("per-label volume and accuracy over time", () => {
  it("counts decided items and judges accuracy per label and day, with the sample behind each figure", () => {
    const facts: ItemFact[] = [
      decided(0, "billing", "correct"),
      decided(0, "billing", "correct"),
      decided(0, "billing", "wrong"),
      decided(0, "billing"),
      decided(0, "tech", "correct"),
      decided(1, "tech", "wrong"),
      { receivedAtMs: FROM + 3_600_000, kind: "escalated", reasonType: "confidence" },
      decided(5, "billing", "correct"), // outside the range
    ];
    const series = labelVolumeSeries(facts, range, "day");
    expect(series.labels).toEqual(["billing", "tech"]);
    expect(series.points).toHaveLength(2);
    const [first, second] = series.points;
    expect(first!.counts).toEqual({ billing: 4, tech: 1 });
    expect(first!.accuracy.billing).toMatchObject({ successes: 2, n: 3 });
    expect(first!.accuracy.billing!.rate).toBeCloseTo(2 / 3);
    // Three judgements are not "67%" on their own: the interval says how little they prove.
    expect(first!.accuracy.billing!.low!).toBeLessThan(0.25);
    expect(first!.accuracy.billing!.high!).toBeGreaterThan(0.9);
    expect(second!.counts).toEqual({ billing: 0, tech: 1 });
    expect(second!.accuracy.billing).toMatchObject({ n: 0, rate: null });
    expect(second!.accuracy.tech).toMatchObject({ successes: 0, n: 1, rate: 0 });
  });

  it("keeps the busiest labels by name and sums the rest, accuracy included", () => {
    const facts: ItemFact[] = [];
    const labels = ["a", "b", "c", "d"];
    labels.forEach((label, rank) => {
      for (let i = 0; i < 10 - rank; i++) facts.push(decided(0, label, i % 2 === 0 ? "correct" : "wrong"));
    });
    const series = labelVolumeSeries(facts, range, "day", 2);
    expect(series.labels).toEqual(["a", "b", OTHER_LABELS]);
    const day = series.points[0]!;
    expect(day.counts[OTHER_LABELS]).toBe(8 + 7);
    expect(day.accuracy[OTHER_LABELS]).toMatchObject({ successes: 4 + 4, n: 15 });
  });
});
