/**
 * Weights are stored as int8 with one float32 scale per feature (its run of
 * label weights): 4× smaller than float32, so a 77-label model over 60k
 * features stays under 5 MB. The trainer keeps the dequantised weights, so a
 * model predicts identically before and after a save/load.
 */
export interface QuantizedWeights {
  values: Int8Array;
  scales: Float32Array;
}

export function quantizeWeights(weights: Float32Array, labelCount: number): QuantizedWeights {
  const columnCount = weights.length / labelCount;
  const values = new Int8Array(weights.length);
  const scales = new Float32Array(columnCount);
  for (let j = 0; j < columnCount; j++) {
    const base = j * labelCount;
    let largest = 0;
    for (let k = 0; k < labelCount; k++) largest = Math.max(largest, Math.abs(weights[base + k]!));
    const scale = Math.fround(largest / 127);
    scales[j] = scale;
    if (scale === 0) continue;
    for (let k = 0; k < labelCount; k++) values[base + k] = Math.round(weights[base + k]! / scale);
  }
  return { values, scales };
}

export function dequantizeWeights(quantized: QuantizedWeights, labelCount: number): Float32Array {
  const { values, scales } = quantized;
  if (values.length !== scales.length * labelCount)
    throw new Error("quantized weights: size does not match labels × features");
  const weights = new Float32Array(values.length);
  for (let j = 0; j < scales.length; j++) {
    const base = j * labelCount;
    const scale = scales[j]!;
    for (let k = 0; k < labelCount; k++) weights[base + k] = values[base + k]! * scale;
  }
  return weights;
}
