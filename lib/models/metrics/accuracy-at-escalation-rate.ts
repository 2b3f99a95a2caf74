export interface EscalationOutcome {
  /** Auto-handle a case when its confidence ≥ threshold; escalate it otherwise. */
  threshold: number;
  /** Accuracy on the auto-handled cases; null when none is auto-handled. */
  autoAccuracy: number | null;
  autoHandled: number;
  escalated: number;
  /** The share actually escalated: ties at the threshold stay auto-handled, so it can fall below the rate asked. */
  escalationRate: number;
}

/**
 * What happens when the least-confident `rate` of cases go to a human: the
 * confidence threshold that does it, and the accuracy on what is left.
 *
 * The threshold is the confidence of the first case kept after sorting ascending;
 * a rule "auto if confidence ≥ threshold" is what a workflow can apply, so cases
 * tied with it are kept too and the real escalation rate is reported.
 */
export function accuracyAtEscalationRate(
  confidences: readonly number[],
  correct: readonly boolean[],
  rate: number,
): EscalationOutcome {
  if (confidences.length !== correct.length)
    throw new Error("accuracyAtEscalationRate: confidences and correct differ in length");
  if (!(rate >= 0 && rate <= 1)) throw new Error("accuracyAtEscalationRate: rate must be within [0, 1]");
  const n = confidences.length;
  const sorted = [...confidences].sort((a, b) => a - b);
  const toEscalate = Math.round(rate * n);
  const threshold = toEscalate >= n ? Number.POSITIVE_INFINITY : sorted[toEscalate]!;
  let autoHandled = 0;
  let autoCorrect = 0;
  for (let i = 0; i < n; i++) {
    if (confidences[i]! >= threshold) {
      autoHandled++;
      if (correct[i]) autoCorrect++;
    }
  }
  return {
    threshold,
    autoAccuracy: autoHandled === 0 ? null : autoCorrect / autoHandled,
    autoHandled,
    escalated: n - autoHandled,
    escalationRate: n === 0 ? 0 : (n - autoHandled) / n,
  };
}
