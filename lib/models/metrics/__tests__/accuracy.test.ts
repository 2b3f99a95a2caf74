import { describe, expect, it } from "vitest";
import { accuracy } from "../accuracy";

describe("accuracy", () => {
  it("is the share of exact matches", () => {
    expect(accuracy(["a", "b", "c", "a"], ["a", "b", "a", "b"])).toBe(0.5);
    expect(accuracy(["x"], ["x"])).toBe(1);
  });
  it("is NaN for no cases and refuses lists of different lengths", () => {
    expect(accuracy([], [])).toBeNaN();
    expect(() => accuracy(["a"], [])).toThrow(/length/);
  });
});
