import { buildFeatureSpace } from "../features/build-feature-space";
import type { FeatureConfig } from "../features/feature-config";
import type { CountedIds, FeatureSpace } from "../features/feature-space";
import { SparseVector } from "../features/sparse-vector";
import { vectorizeBlocks } from "../features/vectorize-blocks";
import type { LinearWeights } from "./linear-weights";
import { dequantizeWeights, quantizeWeights, type QuantizedWeights } from "./quantize-weights";
import type { SparseRows } from "./sparse-rows";
import { trainSoftmaxRegression, type SoftmaxTrainingOptions } from "./train-softmax-regression";

export type CaseBlocks = readonly [words: CountedIds, chars: CountedIds, fields: CountedIds];

export function vectorizeCases(
  space: FeatureSpace,
  cases: readonly CaseBlocks[],
  config: FeatureConfig,
): SparseRows {
  let capacity = 0;
  for (const blocks of cases) for (const block of blocks) capacity += block.distinct;
  const rowStart = new Int32Array(cases.length + 1);
  const columns = new Int32Array(capacity);
  const values = new Float32Array(capacity);
  const vector = new SparseVector();
  let nonZeros = 0;
  cases.forEach((blocks, i) => {
    vectorizeBlocks(space, blocks, config, vector);
    columns.set(vector.columns.subarray(0, vector.length), nonZeros);
    values.set(vector.values.subarray(0, vector.length), nonZeros);
    nonZeros += vector.length;
    rowStart[i + 1] = nonZeros;
  });
  return {
    rowCount: cases.length,
    columnCount: space.columnIds.length,
    rowStart,
    columns: columns.slice(0, nonZeros),
    values: values.slice(0, nonZeros),
  };
}

/**
 * Chooses columns from these cases only (so a held-out case leaves no trace in
 * the vocabulary or IDF), trains, and rounds the weights to what storage keeps.
 */
export function fitLinearModel(
  cases: readonly CaseBlocks[],
  labels: Int32Array,
  labelCount: number,
  config: FeatureConfig,
  options: SoftmaxTrainingOptions,
): { space: FeatureSpace; linear: LinearWeights; quantized: QuantizedWeights } {
  const maxColumns = Math.max(1, Math.min(config.maxFeatures, Math.floor(config.maxWeights / labelCount)));
  const space = buildFeatureSpace(cases, config.minDocumentFrequency, maxColumns);
  const rows = vectorizeCases(space, cases, config);
  const trained = trainSoftmaxRegression(rows, labels, labelCount, options);
  const quantized = quantizeWeights(trained.weights, labelCount);
  return { space, linear: { ...trained, weights: dequantizeWeights(quantized, labelCount) }, quantized };
}
