import { describe, expect, it } from "vitest";
import { expectedCalibrationError } from "../expected-calibration-error";
import { reliabilityBins } from "../reliability-bins";

const confidences = [0.1, 0.2, 0.95, 0.96, 0.5];
const correct = [false, true, true, false, true];

describe("reliabilityBins", () => {
  it("puts each confidence in its equal-width bin with the bin's mean confidence and accuracy", () => {
    const bins = reliabilityBins(confidences, correct, 15);
    expect(bins).toHaveLength(15);
    const used = bins
      .filter((b) => b.count > 0)
      .map((b) => [Math.round(b.lower * 15), b.count, b.meanConfidence, b.accuracy]);
    expect(used).toEqual([
      [1, 1, 0.1, 0],
      [3, 1, 0.2, 1],
      [7, 1, 0.5, 1],
      [14, 2, expect.closeTo(0.955, 12), 0.5],
    ]);
    expect(bins[0]).toMatchObject({ count: 0, meanConfidence: null, accuracy: null });
  });
  it("puts a confidence of exactly 1 in the last bin", () => {
    expect(reliabilityBins([1], [true], 10)[9]!.count).toBe(1);
  });
});

describe("expectedCalibrationError", () => {
  it("weights each bin's |accuracy − confidence| by its share of cases", () => {
    // 1/5·0.1 + 1/5·0.8 + 1/5·0.5 + 2/5·|0.5 − 0.955|
    expect(expectedCalibrationError(confidences, correct, 15)).toBeCloseTo(0.02 + 0.16 + 0.1 + 0.182, 12);
  });
  it("is 0 when confidence matches accuracy in every bin", () => {
    expect(expectedCalibrationError([0.75, 0.75, 0.75, 0.75], [true, true, true, false])).toBeCloseTo(0, 12);
  });
});
