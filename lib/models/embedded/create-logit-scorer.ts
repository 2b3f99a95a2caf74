import { createCaseVectorizer } from "../features/case-vectorizer";
import type { FeatureConfig } from "../features/feature-config";
import type { FeatureSpace } from "../features/feature-space";
import type { ModelInput } from "../features/model-input";
import { SparseVector } from "../features/sparse-vector";
import { computeLogits, type LinearWeights } from "./linear-weights";

/** Featurise one case and write its raw logits into `out`; scratch buffers are reused between calls. */
export type LogitScorer = (input: ModelInput, out: Float64Array) => void;

export function createLogitScorer(
  space: FeatureSpace,
  linear: LinearWeights,
  config: FeatureConfig,
): LogitScorer {
  const vectorize = createCaseVectorizer(space, config);
  const vector = new SparseVector();
  return (input, out) => {
    vectorize(input, vector);
    computeLogits(linear, vector.columns, vector.values, 0, vector.length, out);
  };
}
