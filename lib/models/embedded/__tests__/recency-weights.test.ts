import { describe, expect, it } from "vitest";
import type { TrainingCase } from "../embedded-model";
import { predict } from "../predict";
import { recencyWeights } from "../recency-weights";
import { trainEmbeddedModel } from "../train-embedded-model";

const day = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000);

describe("recencyWeights", () => {
  it("halves every half-life before the latest case and averages 1", () => {
    const weights = recencyWeights(
      [{ occurredAt: day(0) }, { occurredAt: day(14) }, { occurredAt: day(7) }],
      7,
    )!;
    expect(weights[1]! / weights[2]!).toBeCloseTo(2, 5);
    expect(weights[2]! / weights[0]!).toBeCloseTo(2, 5);
    expect((weights[0]! + weights[1]! + weights[2]!) / 3).toBeCloseTo(1, 5);
  });

  it("weighs nothing without a half-life or when a case has no time", () => {
    expect(recencyWeights([{ occurredAt: day(0) }], null)).toBeNull();
    expect(recencyWeights([{ occurredAt: day(0) }, {}], 7)).toBeNull();
    expect(() => recencyWeights([{ occurredAt: day(0) }], 0)).toThrow(/half-life/);
  });
});

/**
 *   day 0 ─────────────── 60 ┊ 70 ──────── 90
 *   "refund …" → billing (150) ┊ "refund …" → shipping (60)   (the team was reorganised)
 *   "courier …" → shipping and "login …" → technical throughout
 */
describe("training with recency weights", () => {
  const refunds = ["refund my charge", "refund the invoice", "card refund please"];
  const cases: TrainingCase[] = [
    ...Array.from({ length: 150 }, (_, i) => ({
      text: refunds[i % 3]!,
      label: "billing",
      occurredAt: day((i * 60) / 150),
    })),
    ...Array.from({ length: 60 }, (_, i) => ({
      text: refunds[i % 3]!,
      label: "shipping",
      occurredAt: day(70 + i / 3),
    })),
    ...Array.from({ length: 90 }, (_, i) => ({
      text: i % 2 ? `courier parcel ${i % 5}` : `login error ${i % 5}`,
      label: i % 2 ? "shipping" : "technical",
      occurredAt: day(i),
    })),
  ];
  const probe = { text: "refund my charge" };

  it("follows the old majority without them and the recent meaning with them", () => {
    const plain = trainEmbeddedModel({ cases, training: { heldOutFraction: 0 } });
    const recent = trainEmbeddedModel({ cases, training: { heldOutFraction: 0, recencyHalfLifeDays: 7 } });
    expect(predict(plain, probe).label).toBe("billing");
    expect(predict(recent, probe).label).toBe("shipping");
    expect(recent.training.recencyHalfLifeDays).toBe(7);
  });
});
