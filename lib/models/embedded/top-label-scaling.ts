import { applyPlatt, fitPlatt, type PlattParams } from "../calibration/platt-scaling";

/**
 * Top-label scaling: after temperature scaling, the chosen label's probability c becomes
 * sigmoid(slope · logit(c) + intercept), Platt scaling fitted on the held-out slice (the same fit that
 * calibrates LLM nodes on backtests). One temperature only rescales every logit alike; this also corrects a
 * model that is right less (or more) often than it says at every confidence, which is how a model drifts
 * when it predicts weeks past its training data. It is monotone: which items clear a threshold keeps its
 * order, so accuracy at a given escalation rate is unchanged.
 */
export type TopLabelScaling = PlattParams;

/** Fewer held-out cases than this and two parameters would fit noise: keep the temperature alone. */
export const MIN_CASES_FOR_TOP_LABEL_SCALING = 200;

export function applyTopLabelScaling(scaling: TopLabelScaling, confidence: number): number {
  return applyPlatt(scaling, confidence);
}

/** Null when there are too few cases, or only one outcome (nothing to learn how confidence relates to it). */
export function fitTopLabelScaling(
  confidences: readonly number[],
  correct: readonly boolean[],
): TopLabelScaling | null {
  const rights = correct.filter(Boolean).length;
  if (confidences.length < MIN_CASES_FOR_TOP_LABEL_SCALING || rights === 0 || rights === confidences.length)
    return null;
  return fitPlatt(confidences, correct);
}
