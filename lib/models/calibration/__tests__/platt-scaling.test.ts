import { describe, expect, it } from "vitest";
import { expectedCalibrationError } from "../../metrics/expected-calibration-error";
import { applyPlatt, calibrate, composePlatt, fitPlatt, IDENTITY } from "../platt-scaling";

/** A deterministic stream in [0, 1): enough randomness for a fit, the same on every run. */
function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("Platt scaling", () => {
  it("maps a model that always says 0.95 to how often it is right", () => {
    const random = sequence(3);
    const confidences = Array.from({ length: 400 }, () => 0.95);
    const correct = confidences.map(() => random() < 0.3); // right about 30% of the time
    const fit = calibrate(confidences, correct);
    expect(fit.eceBefore).toBeGreaterThan(0.6);
    expect(fit.eceAfter).toBeLessThan(0.05);
    expect(applyPlatt(fit.params, 0.95)).toBeCloseTo(0.3, 1);
  });

  it("leaves a calibrated model about as it is", () => {
    const random = sequence(7);
    const confidences = Array.from({ length: 4_000 }, () => 0.05 + 0.9 * random());
    const correct = confidences.map((c) => random() < c);
    const params = fitPlatt(confidences, correct);
    expect(params.slope).toBeCloseTo(1, 0);
    expect(Math.abs(params.intercept)).toBeLessThan(0.15);
  });

  it("undoes an overconfident model's stretch, and lowers its ECE on items it did not see", () => {
    const random = sequence(11);
    const truth = Array.from({ length: 3_000 }, () => 0.2 + 0.6 * random());
    const correct = truth.map((p) => random() < p);
    // Overconfident: the logit doubled.
    const said = truth.map((p) => applyPlatt({ slope: 2, intercept: 0 }, p));
    const fit = calibrate(said, correct);
    expect(fit.params.slope).toBeCloseTo(0.5, 1);
    expect(fit.eceAfter).toBeLessThan(fit.eceBefore / 2);
    expect(
      expectedCalibrationError(
        said.map((c) => applyPlatt(fit.params, c)),
        correct,
      ),
    ).toBeLessThan(0.03);
  });

  it("composes two fits into one map on the raw score", () => {
    const inner = { slope: 0.7, intercept: -0.4 };
    const outer = { slope: 1.3, intercept: 0.2 };
    for (const raw of [0.05, 0.3, 0.5, 0.81, 0.99])
      expect(applyPlatt(composePlatt(outer, inner), raw)).toBeCloseTo(
        applyPlatt(outer, applyPlatt(inner, raw)),
        9,
      );
    expect(composePlatt(outer, IDENTITY)).toEqual(outer);
  });

  it("refuses a sample too small to fit", () => {
    expect(() => calibrate([0.9, 0.8], [true, false])).toThrow(/at least/);
  });
});
