/**
 * A linear softmax model: logit_k = bias_k + Σ_j x_j · weights[j · labelCount + k].
 * Laid out feature-major so one sparse feature touches one contiguous run of labels.
 */
export interface LinearWeights {
  labelCount: number;
  columnCount: number;
  weights: Float32Array;
  bias: Float32Array;
}

/**
 * out[k] += Σ_p values[p] · weights[columns[p] · labelCount + k] over p in [from, to).
 * Unrolled by four: V8 does not vectorise, and this halves the time of the loop
 * that dominates both training and prediction.
 */
export function accumulateSparseProduct(
  weights: Float32Array,
  labelCount: number,
  columns: Int32Array,
  values: Float32Array,
  from: number,
  to: number,
  out: Float64Array,
): void {
  const unrolled = labelCount & ~3;
  for (let p = from; p < to; p++) {
    const base = columns[p]! * labelCount;
    const value = values[p]!;
    let k = 0;
    for (; k < unrolled; k += 4) {
      out[k]! += value * weights[base + k]!;
      out[k + 1]! += value * weights[base + k + 1]!;
      out[k + 2]! += value * weights[base + k + 2]!;
      out[k + 3]! += value * weights[base + k + 3]!;
    }
    for (; k < labelCount; k++) out[k]! += value * weights[base + k]!;
  }
}

/** logits ← bias + x · W, for x given as parallel column/value arrays. */
export function computeLogits(
  model: LinearWeights,
  columns: Int32Array,
  values: Float32Array,
  from: number,
  to: number,
  logits: Float64Array,
): void {
  for (let k = 0; k < model.labelCount; k++) logits[k] = model.bias[k]!;
  accumulateSparseProduct(model.weights, model.labelCount, columns, values, from, to, logits);
}
