import { describe, expect, it } from "vitest";
import { expectedCalibrationError } from "../../metrics/expected-calibration-error";
import { mulberry32 } from "../../random/mulberry32";
import { deserializeEmbeddedModel } from "../deserialize-embedded-model";
import { createPredictor } from "../predict";
import { serializeEmbeddedModel } from "../serialize-embedded-model";
import { applyTopLabelScaling, fitTopLabelScaling } from "../top-label-scaling";
import { trainEmbeddedModel } from "../train-embedded-model";
import { syntheticCases } from "./synthetic-cases";

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Confidences, and outcomes drawn so that P(right) = sigmoid(slope · logit(c) + intercept). */
function drawn(n: number, slope: number, intercept: number, seed: number) {
  const random = mulberry32(seed);
  const confidences = Array.from({ length: n }, () => 0.2 + 0.79 * random());
  const correct = confidences.map((c) => random() < sigmoid(slope * logit(c) + intercept));
  return { confidences, correct };
}

describe("top-label scaling", () => {
  it("recovers the slope and intercept outcomes were drawn with", () => {
    const { confidences, correct } = drawn(40_000, 0.7, -0.4, 1);
    const fitted = fitTopLabelScaling(confidences, correct)!;
    expect(fitted.slope).toBeCloseTo(0.7, 1);
    expect(fitted.intercept).toBeCloseTo(-0.4, 1);
  });

  it("stays near the identity on confidences that are already calibrated", () => {
    const { confidences, correct } = drawn(40_000, 1, 0, 2);
    const fitted = fitTopLabelScaling(confidences, correct)!;
    expect(Math.abs(fitted.slope - 1)).toBeLessThan(0.05);
    expect(Math.abs(fitted.intercept)).toBeLessThan(0.05);
  });

  it("lowers ECE on fresh draws from an over-confident source", () => {
    const fit = drawn(5_000, 0.6, -0.5, 3);
    const fresh = drawn(5_000, 0.6, -0.5, 4);
    const scaling = fitTopLabelScaling(fit.confidences, fit.correct)!;
    const before = expectedCalibrationError(fresh.confidences, fresh.correct);
    const after = expectedCalibrationError(
      fresh.confidences.map((c) => applyTopLabelScaling(scaling, c)),
      fresh.correct,
    );
    expect(before).toBeGreaterThan(0.1);
    expect(after).toBeLessThan(0.03);
  });

  it("declines with too few cases or a single outcome", () => {
    const { confidences, correct } = drawn(150, 0.7, -0.4, 5);
    expect(fitTopLabelScaling(confidences, correct)).toBeNull();
    const many = drawn(1_000, 1, 0, 6).confidences;
    expect(
      fitTopLabelScaling(
        many,
        many.map(() => true),
      ),
    ).toBeNull();
  });

  it("is monotone, so the order of confidences (and every escalation cut) is kept", () => {
    const scaling = { slope: 0.6, intercept: -0.8 };
    const grid = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
    const scaled = grid.map((c) => applyTopLabelScaling(scaling, c));
    for (let i = 1; i < scaled.length; i++) expect(scaled[i]!).toBeGreaterThan(scaled[i - 1]!);
  });
});

describe("a model with top-label scaling", () => {
  // Enough cases for the held-out slice to fit it (15% of 2,000 = 300).
  const cases = syntheticCases({ count: 2000, seed: 7, labelNoise: 0.3 });
  const model = trainEmbeddedModel({ cases, training: { l2: 1e-7, epochs: 12 } });
  const probes = syntheticCases({ count: 200, seed: 8, labelNoise: 0.3 });

  it("predicts the scaled confidence, with the scores still summing to 1", () => {
    expect(model.topLabelScaling).not.toBeNull();
    const predictor = createPredictor(model);
    const temperatureOnly = createPredictor({ ...model, topLabelScaling: null });
    for (const probe of probes) {
      const prediction = predictor(probe);
      const tempered = temperatureOnly(probe);
      expect(prediction.label).toBe(tempered.label);
      expect(prediction.confidence).toBeCloseTo(
        applyTopLabelScaling(model.topLabelScaling!, tempered.confidence),
        12,
      );
      const total = Object.values(prediction.scores).reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(1, 9);
    }
  });

  it("survives serialisation, and a model stored before it predicts with the temperature alone", () => {
    const stored = JSON.parse(JSON.stringify(serializeEmbeddedModel(model)));
    expect(deserializeEmbeddedModel(stored).topLabelScaling).toEqual(model.topLabelScaling);
    delete stored.topLabelScaling;
    const older = deserializeEmbeddedModel(stored);
    expect(older.topLabelScaling).toBeNull();
    const temperatureOnly = createPredictor({ ...model, topLabelScaling: null });
    for (const probe of probes.slice(0, 20))
      expect(createPredictor(older)(probe).confidence).toBeCloseTo(temperatureOnly(probe).confidence, 12);
  });
});
