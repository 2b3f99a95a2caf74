import { describe, expect, it } from "vitest";
import { expectedCalibrationError } from "../../metrics/expected-calibration-error";
import { createPredictor } from "../predict";
import { trainEmbeddedModel } from "../train-embedded-model";
import { syntheticCases } from "./synthetic-cases";

describe("temperature scaling", () => {
  // 40% of labels are random and the L2 penalty is tiny, so the classifier memorises
  // noise and is far more confident than it is right.
  const cases = syntheticCases({ count: 1500, seed: 3, labelNoise: 0.4 });
  const model = trainEmbeddedModel({
    cases,
    training: { l2: 1e-7, epochs: 20, learningRate: 2 },
    features: { minDocumentFrequency: 1 },
  });

  it("finds the model over-confident on the held-out slice and softens it", () => {
    expect(model.temperature).toBeGreaterThan(1.2);
    expect(model.heldOut!.eceBeforeCalibration).toBeGreaterThan(0.1);
    expect(model.heldOut!.eceAfterCalibration).toBeLessThan(model.heldOut!.eceBeforeCalibration / 2);
  });

  it("lowers ECE on fresh cases from the same source too", () => {
    const fresh = syntheticCases({ count: 1500, seed: 4, labelNoise: 0.4 });
    const predictor = createPredictor(model);
    const ece = (uncalibrated: boolean) => {
      const predictions = fresh.map((c) => predictor(c, { uncalibrated }));
      return expectedCalibrationError(
        predictions.map((p) => p.confidence),
        predictions.map((p, i) => p.label === fresh[i]!.label),
      );
    };
    expect(ece(false)).toBeLessThan(ece(true) / 2);
  });
});
