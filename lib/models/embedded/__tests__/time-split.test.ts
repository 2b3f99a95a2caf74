import { describe, expect, it } from "vitest";
import { predict } from "../predict";
import { trainEmbeddedModel } from "../train-embedded-model";
import type { TrainingCase } from "../embedded-model";

/**
 *   time ──────────────────────────┬──────────────────────────▶
 *   "refund" cases labelled billing │ the same texts labelled shipping,
 *   (60, before the cut-off)        │ and more of them (200, at or after it)
 */
const cutoff = new Date(Date.UTC(2024, 5, 1));
const at = (daysFromCutoff: number) => new Date(cutoff.getTime() + daysFromCutoff * 86_400_000);
const texts = ["refund my charge", "refund the invoice", "card refund please", "refund now"];
const before: TrainingCase[] = Array.from({ length: 60 }, (_, i) => ({
  text: texts[i % 4]!,
  label: "billing",
  occurredAt: at(-60 + i),
}));
const beforeOther: TrainingCase[] = Array.from({ length: 60 }, (_, i) => ({
  text: `courier parcel ${i % 5}`,
  label: "shipping",
  occurredAt: at(-60 + i),
}));
const after: TrainingCase[] = Array.from({ length: 200 }, (_, i) => ({
  text: texts[i % 4]!,
  label: "shipping",
  occurredAt: at(i % 30),
}));
const cases = [...after, ...before, ...beforeOther];

describe("the cut-off", () => {
  it("trains only on cases strictly before it", () => {
    const model = trainEmbeddedModel({ cases, cutoff });
    expect(model.training.size).toBe(120);
    expect(model.training.excludedAtOrAfterCutoff).toBe(200);
    expect(model.training.cutoff).toBe(cutoff.toISOString());
    expect(predict(model, { text: "refund my charge" }).label).toBe("billing");
  });

  it("would predict otherwise if the later cases leaked in (so the test above can fail)", () => {
    const leaky = trainEmbeddedModel({ cases, cutoff: at(31) });
    expect(predict(leaky, { text: "refund my charge" }).label).toBe("shipping");
  });

  it("excludes a case exactly at the cut-off and cases with no time", () => {
    const edge: TrainingCase[] = [
      ...before,
      ...beforeOther,
      { text: "refund", label: "other", occurredAt: cutoff },
      { text: "refund", label: "other" },
    ];
    const model = trainEmbeddedModel({ cases: edge, cutoff });
    expect(model.labels).not.toContain("other");
    expect(model.training).toMatchObject({ size: 120, excludedAtOrAfterCutoff: 1, excludedWithoutTime: 1 });
  });

  it("holds out the latest cases before the cut-off for calibration", () => {
    const model = trainEmbeddedModel({ cases, cutoff, training: { heldOutFraction: 0.25 } });
    expect(model.heldOut).toMatchObject({ method: "latest-by-time", size: 30 });
  });
});
