import { describe, expect, it } from "vitest";
import { macroF1 } from "../macro-f1";

describe("macroF1", () => {
  it("averages per-label F1 unweighted", () => {
    // a: TP 1, 2 actual, 2 predicted → 0.5; b: TP 1, 1 actual, 2 predicted → 2/3; c: TP 0 → 0.
    expect(macroF1(["a", "b", "c", "a"], ["a", "b", "a", "b"])).toBeCloseTo((0.5 + 2 / 3 + 0) / 3, 12);
  });
  it("is 1 for a perfect prediction and counts a label only ever predicted", () => {
    expect(macroF1(["a", "b"], ["a", "b"])).toBe(1);
    // a: TP 1, 2 actual, 1 predicted → 2/3; z: predicted once, never actual → 0.
    expect(macroF1(["a", "a"], ["a", "z"])).toBeCloseTo(1 / 3, 12);
  });
});
