import { describe, expect, it } from "vitest";
import { accuracyAtEscalationRate } from "../accuracy-at-escalation-rate";

describe("accuracyAtEscalationRate", () => {
  it("escalates the least confident share and measures accuracy on the rest", () => {
    const outcome = accuracyAtEscalationRate(
      [0.9, 0.2, 0.6, 0.4, 0.8],
      [true, false, true, false, false],
      0.4,
    );
    // Sorted 0.2, 0.4 | 0.6, 0.8, 0.9 → threshold 0.6; kept: 0.9 ✓, 0.6 ✓, 0.8 ✗.
    expect(outcome).toEqual({
      threshold: 0.6,
      autoAccuracy: 2 / 3,
      autoHandled: 3,
      escalated: 2,
      escalationRate: 0.4,
    });
  });
  it("keeps cases tied with the threshold and reports the rate really reached", () => {
    const outcome = accuracyAtEscalationRate([0.5, 0.5, 0.5, 0.9], [false, true, true, true], 0.25);
    expect(outcome.threshold).toBe(0.5);
    expect(outcome.autoHandled).toBe(4);
    expect(outcome.escalationRate).toBe(0);
    expect(outcome.autoAccuracy).toBe(0.75);
  });
  it("handles the extremes", () => {
    expect(accuracyAtEscalationRate([0.3, 0.7], [false, true], 0).autoAccuracy).toBe(0.5);
    expect(accuracyAtEscalationRate([0.3, 0.7], [false, true], 1)).toMatchObject({
      autoAccuracy: null,
      autoHandled: 0,
      escalationRate: 1,
    });
    expect(() => accuracyAtEscalationRate([0.3], [true], 1.5)).toThrow(/rate/);
  });
});
