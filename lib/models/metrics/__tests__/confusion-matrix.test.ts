import { describe, expect, it } from "vitest";
import { confusionMatrix } from "../confusion-matrix";

describe("confusionMatrix", () => {
  it("counts actual (rows) against predicted (columns) over the sorted label union", () => {
    const m = confusionMatrix(["a", "b", "c", "a"], ["a", "b", "a", "b"]);
    expect(m.labels).toEqual(["a", "b", "c"]);
    expect(m.counts).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 0],
    ]);
  });
  it("keeps the given label order and skips labels outside it", () => {
    const m = confusionMatrix(["a", "b", "z"], ["b", "b", "a"], ["b", "a"]);
    expect(m.counts).toEqual([
      [1, 0],
      [1, 0],
    ]);
  });
});
