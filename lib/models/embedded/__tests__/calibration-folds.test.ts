import { describe, expect, it } from "vitest";
import { chooseCalibrationFolds } from "../choose-calibration-slice";
import { trainEmbeddedModel } from "../train-embedded-model";
import { syntheticCases } from "./synthetic-cases";

const day = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000);

describe("chooseCalibrationFolds", () => {
  it("by time: rolling origins, latest first, each fit strictly before its held-out run", () => {
    const cases = Array.from({ length: 100 }, (_, i) => ({
      label: i % 2 ? "a" : "b",
      occurredAt: day(99 - i),
    }));
    const folds = chooseCalibrationFolds(cases, 0.1, 1, "auto", 3, 30);
    expect(folds).toHaveLength(3);
    const days = (indices: number[]) => indices.map((i) => 99 - i).sort((a, b) => a - b);
    expect(days(folds[0]!.heldOut)).toEqual([90, 91, 92, 93, 94, 95, 96, 97, 98, 99]);
    expect(days(folds[1]!.heldOut)[0]).toBe(80);
    expect(days(folds[2]!.heldOut)).toHaveLength(10);
    for (const fold of folds) {
      expect(Math.max(...days(fold.fit))).toBeLessThan(Math.min(...days(fold.heldOut)));
      expect(fold.fit.length + fold.heldOut.length).toBeLessThanOrEqual(100);
    }
    // A fold that would fit on fewer than 30 cases is dropped.
    expect(chooseCalibrationFolds(cases, 0.3, 1, "auto", 5, 30)).toHaveLength(2);
  });

  it("without times: disjoint stratified slices that each leave the rest to fit", () => {
    const cases = Array.from({ length: 90 }, (_, i) => ({ label: i < 60 ? "common" : "rare" }));
    const folds = chooseCalibrationFolds(cases, 0.2, 1, "auto", 3, 30);
    expect(folds).toHaveLength(3);
    const seen = folds.flatMap((f) => f.heldOut);
    expect(new Set(seen).size).toBe(seen.length);
    for (const fold of folds) {
      expect(fold.heldOut.filter((i) => i >= 60)).toHaveLength(6);
      expect(new Set([...fold.fit, ...fold.heldOut]).size).toBe(90);
    }
    expect(chooseCalibrationFolds(cases, 0.4, 1, "auto", 5, 30)).toHaveLength(2);
  });
});

describe("calibration on several folds", () => {
  // Noisy labels and a tiny penalty: over-confident, as in the temperature test.
  const cases = syntheticCases({ count: 1500, seed: 3, labelNoise: 0.4 });
  const training = { l2: 1e-7, epochs: 20, learningRate: 2 };
  const features = { minDocumentFrequency: 1 };

  it("fits the temperature on three times the held-out cases and still softens the model", () => {
    const single = trainEmbeddedModel({ cases, training, features });
    const folded = trainEmbeddedModel({ cases, training: { ...training, calibrationFolds: 3 }, features });
    expect(folded.heldOut!.size).toBe(3 * single.heldOut!.size);
    expect(folded.temperature).toBeGreaterThan(1.2);
    expect(folded.heldOut!.eceAfterCalibration).toBeLessThan(folded.heldOut!.eceBeforeCalibration / 2);
    expect(folded.training.size).toBe(single.training.size);
  });
});
