export interface ConfusionMatrix {
  labels: string[];
  /** counts[a][p]: cases whose actual label is labels[a] and predicted label is labels[p]. */
  counts: number[][];
}

/**
 * Rows are actual labels, columns predicted. Without `labels`, the label set is
 * every label seen in either list, sorted, so the matrix is square and stable.
 */
export function confusionMatrix(
  actual: readonly string[],
  predicted: readonly string[],
  labels?: readonly string[],
): ConfusionMatrix {
  if (actual.length !== predicted.length)
    throw new Error("confusionMatrix: actual and predicted differ in length");
  const labelList = labels ? [...labels] : [...new Set([...actual, ...predicted])].sort();
  const index = new Map(labelList.map((label, i) => [label, i]));
  const counts = labelList.map(() => labelList.map(() => 0));
  for (let i = 0; i < actual.length; i++) {
    const a = index.get(actual[i]!);
    const p = index.get(predicted[i]!);
    if (a === undefined || p === undefined) continue; // outside the requested label set
    counts[a]![p]! += 1;
  }
  return { labels: labelList, counts };
}
