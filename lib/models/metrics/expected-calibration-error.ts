import { reliabilityBins } from "./reliability-bins";

/**
 * ECE: Σ_bins (count / n) · |accuracy − mean confidence| over equal-width bins
 * (15 by default, as in Guo et al. 2017). 0 cases → NaN.
 */
export function expectedCalibrationError(
  confidences: readonly number[],
  correct: readonly boolean[],
  binCount = 15,
): number {
  if (confidences.length === 0) return Number.NaN;
  let ece = 0;
  for (const bin of reliabilityBins(confidences, correct, binCount)) {
    if (bin.count === 0) continue;
    ece += (bin.count / confidences.length) * Math.abs(bin.accuracy! - bin.meanConfidence!);
  }
  return ece;
}
