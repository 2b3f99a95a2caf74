import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../random/mulberry32";
import { dequantizeWeights, quantizeWeights } from "../quantize-weights";

describe("int8 weights", () => {
  it("stay within half a step of the original, per feature", () => {
    const random = mulberry32(1);
    const labelCount = 5;
    const weights = Float32Array.from(
      { length: 200 * labelCount },
      (_, i) => (random() - 0.5) * (1 + (i % 7)),
    );
    weights.fill(0, 0, labelCount); // a feature with all-zero weights
    const quantized = quantizeWeights(weights, labelCount);
    const restored = dequantizeWeights(quantized, labelCount);
    for (let i = 0; i < weights.length; i++) {
      const step = quantized.scales[Math.floor(i / labelCount)]!;
      expect(Math.abs(restored[i]! - weights[i]!)).toBeLessThanOrEqual(step / 2 + 1e-7);
    }
    expect(Array.from(restored.subarray(0, labelCount))).toEqual([0, 0, 0, 0, 0]);
    expect(() => dequantizeWeights({ values: new Int8Array(3), scales: new Float32Array(1) }, 2)).toThrow(
      /size/,
    );
  });
});
