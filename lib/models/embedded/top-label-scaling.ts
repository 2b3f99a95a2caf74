/**
 * Top-label Platt scaling: after temperature scaling, the chosen label's probability c becomes
 * sigmoid(slope · logit(c) + intercept), fitted on the held-out slice by logistic regression of "the chosen
 * label was right" on logit(c). One temperature only rescales every logit alike; this also corrects a
 * model that is right less (or more) often than it says at every confidence, which is how a model drifts
 * when it predicts weeks past its training data. It is monotone: which items clear a threshold keeps its
 * order, so accuracy at a given escalation rate is unchanged.
 */
export interface TopLabelScaling {
  slope: number;
  intercept: number;
}

/** Fewer held-out cases than this and two parameters would fit noise: keep the temperature alone. */
export const MIN_CASES_FOR_TOP_LABEL_SCALING = 200;

const EPSILON = 1e-6;

function logit(p: number): number {
  const q = Math.min(1 - EPSILON, Math.max(EPSILON, p));
  return Math.log(q / (1 - q));
}

export function applyTopLabelScaling(scaling: TopLabelScaling, confidence: number): number {
  return 1 / (1 + Math.exp(-(scaling.slope * logit(confidence) + scaling.intercept)));
}

/**
 * Maximum-likelihood slope and intercept by Newton's method, with a small ridge pulling towards the identity
 * (slope 1, intercept 0) so a slice where every answer was right (or wrong) cannot push them to infinity.
 * Null when there are too few cases or only one outcome.
 */
export function fitTopLabelScaling(
  confidences: readonly number[],
  correct: readonly boolean[],
): TopLabelScaling | null {
  const n = confidences.length;
  const rights = correct.filter(Boolean).length;
  if (n < MIN_CASES_FOR_TOP_LABEL_SCALING || rights === 0 || rights === n) return null;
  const z = confidences.map(logit);
  const ridge = 1e-3 * n;
  let slope = 1;
  let intercept = 0;
  for (let iteration = 0; iteration < 100; iteration++) {
    let gSlope = ridge * (slope - 1);
    let gIntercept = ridge * intercept;
    let hSS = ridge;
    let hSI = 0;
    let hII = ridge;
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-(slope * z[i]! + intercept)));
      const residual = p - (correct[i] ? 1 : 0);
      const weight = p * (1 - p);
      gSlope += residual * z[i]!;
      gIntercept += residual;
      hSS += weight * z[i]! * z[i]!;
      hSI += weight * z[i]!;
      hII += weight;
    }
    const determinant = hSS * hII - hSI * hSI;
    const stepSlope = (hII * gSlope - hSI * gIntercept) / determinant;
    const stepIntercept = (hSS * gIntercept - hSI * gSlope) / determinant;
    slope -= stepSlope;
    intercept -= stepIntercept;
    if (Math.abs(stepSlope) < 1e-9 && Math.abs(stepIntercept) < 1e-9) break;
  }
  return { slope, intercept };
}
