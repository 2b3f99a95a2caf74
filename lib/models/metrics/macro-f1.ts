import { confusionMatrix } from "./confusion-matrix";

/**
 * Unweighted mean of per-label F1 over every label that occurs in actual or predicted
 * (as scikit-learn's f1_score(average="macro")). A label never predicted and never
 * present cannot occur; one with no true positives scores 0.
 */
export function macroF1(
  actual: readonly string[],
  predicted: readonly string[],
  labels?: readonly string[],
): number {
  const { counts } = confusionMatrix(actual, predicted, labels);
  if (counts.length === 0) return Number.NaN;
  let total = 0;
  for (let k = 0; k < counts.length; k++) {
    const truePositives = counts[k]![k]!;
    let actualCount = 0;
    let predictedCount = 0;
    for (let j = 0; j < counts.length; j++) {
      actualCount += counts[k]![j]!;
      predictedCount += counts[j]![k]!;
    }
    const denominator = actualCount + predictedCount;
    total += denominator === 0 ? 0 : (2 * truePositives) / denominator;
  }
  return total / counts.length;
}
