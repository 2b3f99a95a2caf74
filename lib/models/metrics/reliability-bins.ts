export interface ReliabilityBin {
  /** Confidences in [lower, upper) fall here; the last bin also takes 1.0. */
  lower: number;
  upper: number;
  count: number;
  /** null when the bin is empty. */
  meanConfidence: number | null;
  accuracy: number | null;
}

/**
 * The data of a reliability diagram: equal-width confidence bins with the mean
 * confidence and the accuracy of the cases in each. Bin index is floor(conf · bins),
 * clamped, so 0.2 with 15 bins lands in [0.2, 0.2667).
 */
export function reliabilityBins(
  confidences: readonly number[],
  correct: readonly boolean[],
  binCount = 15,
): ReliabilityBin[] {
  if (confidences.length !== correct.length)
    throw new Error("reliabilityBins: confidences and correct differ in length");
  const sums = Array.from({ length: binCount }, () => ({ count: 0, confidence: 0, correct: 0 }));
  for (let i = 0; i < confidences.length; i++) {
    const confidence = confidences[i]!;
    const bin = sums[Math.min(binCount - 1, Math.max(0, Math.floor(confidence * binCount)))]!;
    bin.count++;
    bin.confidence += confidence;
    if (correct[i]) bin.correct++;
  }
  return sums.map((sum, b) => ({
    lower: b / binCount,
    upper: (b + 1) / binCount,
    count: sum.count,
    meanConfidence: sum.count === 0 ? null : sum.confidence / sum.count,
    accuracy: sum.count === 0 ? null : sum.correct / sum.count,
  }));
}
