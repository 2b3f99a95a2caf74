/**
 * scores[k] ← softmax(scores / temperature)[k], stable (the max is subtracted first).
 * Returns the index of the largest probability.
 */
export function softmaxInPlace(scores: Float32Array | Float64Array, temperature = 1): number {
  let best = 0;
  for (let k = 1; k < scores.length; k++) if (scores[k]! > scores[best]!) best = k;
  const max = scores[best]!;
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    const e = Math.exp((scores[k]! - max) / temperature);
    scores[k] = e;
    sum += e;
  }
  for (let k = 0; k < scores.length; k++) scores[k]! /= sum;
  return best;
}
