import { expectedCalibrationError } from "../metrics/expected-calibration-error";
import { reliabilityBins, type ReliabilityBin } from "../metrics/reliability-bins";

/**
 * Platt scaling of a confidence: calibrated = sigmoid(slope · logit(raw) + intercept). Two parameters, so it
 * cannot overfit a few hundred backtest items the way isotonic regression can, and two fits compose into one
 * (a fit on already-calibrated scores is a fit of the same form on the raw ones), which is what lets a node be
 * re-calibrated from a run that itself ran calibrated.
 */
export interface PlattParams {
  slope: number;
  intercept: number;
}

export const IDENTITY: PlattParams = { slope: 1, intercept: 0 };

const EPSILON = 1e-4;

export function logit(p: number): number {
  const q = Math.min(1 - EPSILON, Math.max(EPSILON, p));
  return Math.log(q / (1 - q));
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function applyPlatt(params: PlattParams, raw: number): number {
  if (!Number.isFinite(raw)) return raw;
  return sigmoid(params.slope * logit(raw) + params.intercept);
}

/** `outer` applied after `inner`, as one map on the raw score. */
export function composePlatt(outer: PlattParams, inner: PlattParams): PlattParams {
  return { slope: outer.slope * inner.slope, intercept: outer.slope * inner.intercept + outer.intercept };
}

/**
 * Fits slope and intercept by Newton's method on the log-loss, with Platt's smoothed targets (so a sample that
 * is all right never drives the output to exactly 1) and a small ridge pulling the slope toward 1: a model that
 * always says the same number carries no information about ranking, and the ridge keeps that slope finite while
 * the intercept moves the constant to the observed accuracy.
 */
export function fitPlatt(
  confidences: readonly number[],
  correct: readonly boolean[],
  ridge = 1e-3,
): PlattParams {
  const n = confidences.length;
  if (n === 0 || n !== correct.length) throw new Error("fitPlatt: need as many outcomes as confidences");
  const positives = correct.filter(Boolean).length;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (n - positives + 2);
  const x = confidences.map(logit);
  const y = correct.map((c) => (c ? high : low));
  const objective = (a: number, b: number) => {
    let loss = (ridge * n * ((a - 1) ** 2 + b ** 2)) / 2;
    for (let i = 0; i < n; i++) {
      const z = a * x[i]! + b;
      // log(1 + e^z) − y·z, computed without overflow.
      loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[i]! * z;
    }
    return loss;
  };
  let a = 1;
  let b = 0;
  let current = objective(a, b);
  for (let iteration = 0; iteration < 100; iteration++) {
    // Gradient and Hessian of Σ logloss + ridge·n·((a−1)² + b²)/2.
    let ga = ridge * n * (a - 1);
    let gb = ridge * n * b;
    let haa = ridge * n;
    let hab = 0;
    let hbb = ridge * n;
    for (let i = 0; i < n; i++) {
      const p = sigmoid(a * x[i]! + b);
      const r = p - y[i]!;
      const w = Math.max(p * (1 - p), 1e-12);
      ga += r * x[i]!;
      gb += r;
      haa += w * x[i]! * x[i]!;
      hab += w * x[i]!;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!Number.isFinite(det) || Math.abs(det) < 1e-18) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    // Backtracking: a near-singular Hessian (scores that barely vary) makes the full Newton step overshoot.
    let step = 1;
    let next = objective(a - da, b - db);
    while (next > current && step > 1e-6) {
      step /= 2;
      next = objective(a - step * da, b - step * db);
    }
    if (next > current) break;
    a -= step * da;
    b -= step * db;
    const moved = current - next;
    current = next;
    if (Math.abs(step * da) < 1e-9 && Math.abs(step * db) < 1e-9) break;
    if (moved < 1e-12) break;
  }
  return { slope: a, intercept: b };
}

export interface CalibrationFit {
  params: PlattParams;
  sampleSize: number;
  accuracy: number;
  eceBefore: number;
  /** Each half scored by the parameters fitted on the other half. */
  eceAfter: number;
  binsBefore: ReliabilityBin[];
  binsAfter: ReliabilityBin[];
}

export const MIN_CALIBRATION_SAMPLE = 20;

/**
 * Fits on the whole sample, and measures the ECE after calibration by two-fold cross-fitting (items alternate
 * between the folds in time order), so the "after" figure is what the calibration does on items it did not see.
 */
export function calibrate(confidences: readonly number[], correct: readonly boolean[]): CalibrationFit {
  const n = confidences.length;
  if (n < MIN_CALIBRATION_SAMPLE)
    throw new Error(`calibration needs at least ${MIN_CALIBRATION_SAMPLE} items with a judged outcome`);
  const params = fitPlatt(confidences, correct);
  const folds = [0, 1].map((fold) => {
    const pick = <T>(values: readonly T[], keep: boolean) =>
      values.filter((_, i) => (i % 2 === fold) === keep);
    return fitPlatt(pick(confidences, false), pick(correct, false));
  });
  const crossFitted = confidences.map((c, i) => applyPlatt(folds[i % 2]!, c));
  return {
    params,
    sampleSize: n,
    accuracy: correct.filter(Boolean).length / n,
    eceBefore: expectedCalibrationError(confidences, correct),
    eceAfter: expectedCalibrationError(crossFitted, correct),
    binsBefore: reliabilityBins(confidences, correct),
    binsAfter: reliabilityBins(crossFitted, correct),
  };
}
