import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../random/mulberry32";
import { fitTemperature, meanNegativeLogLikelihood } from "../fit-temperature";

/** Labels drawn from softmax(logits / trueTemperature): the fitted temperature should come back. */
function sample(trueTemperature: number, n: number, labelCount: number, seed: number) {
  const random = mulberry32(seed);
  const logits = new Float32Array(n * labelCount);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const row = Array.from({ length: labelCount }, () => (random() - 0.5) * 8);
    row.forEach((z, k) => (logits[i * labelCount + k] = z));
    const weights = row.map((z) => Math.exp(z / trueTemperature));
    let u = random() * weights.reduce((a, b) => a + b, 0);
    labels[i] = weights.findIndex((w) => (u -= w) <= 0);
  }
  return { logits, labels };
}

describe("fitTemperature", () => {
  it.each([0.5, 1, 2.5])("recovers a temperature of %s", (trueTemperature) => {
    const { logits, labels } = sample(trueTemperature, 4000, 4, 17);
    expect(fitTemperature(logits, labels, 4)).toBeCloseTo(trueTemperature, 0);
    expect(Math.abs(fitTemperature(logits, labels, 4) / trueTemperature - 1)).toBeLessThan(0.1);
  });

  it("is the minimum of the held-out NLL", () => {
    const { logits, labels } = sample(1.7, 1000, 3, 5);
    const t = fitTemperature(logits, labels, 3);
    const at = (x: number) => meanNegativeLogLikelihood(logits, labels, 3, x);
    expect(at(t)).toBeLessThan(at(t * 1.1));
    expect(at(t)).toBeLessThan(at(t / 1.1));
  });

  it("leaves an empty slice at 1", () => {
    expect(fitTemperature(new Float32Array(0), new Int32Array(0), 3)).toBe(1);
  });
});
