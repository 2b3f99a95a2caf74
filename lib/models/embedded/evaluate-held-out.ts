import type { ModelInput } from "../features/model-input";
import { accuracy } from "../metrics/accuracy";
import { expectedCalibrationError } from "../metrics/expected-calibration-error";
import { macroF1 } from "../metrics/macro-f1";
import { reliabilityBins } from "../metrics/reliability-bins";
import type { CalibrationSliceMethod } from "./choose-calibration-slice";
import type { LogitScorer } from "./create-logit-scorer";
import type { HeldOutMetrics } from "./embedded-model";
import { fitTemperature } from "./fit-temperature";
import { softmaxInPlace } from "./softmax-in-place";
import { applyTopLabelScaling, fitTopLabelScaling, type TopLabelScaling } from "./top-label-scaling";

const BINS = 15;

/** One calibration fold: held-out cases and the logits of the model that did not see them. */
export interface HeldOutFold {
  score: LogitScorer;
  cases: ReadonlyArray<ModelInput & { label: string }>;
}

/**
 * Scores every fold's held-out cases, fits one temperature on them all, then the top-label scaling on the
 * tempered confidences, and measures before and after.
 */
export function calibrateOnHeldOut(
  folds: readonly HeldOutFold[],
  labels: readonly string[],
  method: CalibrationSliceMethod,
  withTopLabelScaling = true,
): { temperature: number; topLabelScaling: TopLabelScaling | null; metrics: HeldOutMetrics } {
  const labelCount = labels.length;
  const labelIndex = new Map(labels.map((label, k) => [label, k]));
  const cases = folds.flatMap((fold) => fold.cases);
  const logits = new Float32Array(cases.length * labelCount);
  const targets = new Int32Array(cases.length);
  const row = new Float64Array(labelCount);
  let i = 0;
  for (const fold of folds) {
    for (const c of fold.cases) {
      fold.score(c, row);
      logits.set(row, i * labelCount);
      targets[i++] = labelIndex.get(c.label)!;
    }
  }
  const temperature = fitTemperature(logits, targets, labelCount);

  const actual = cases.map((c) => c.label);
  const predicted: string[] = [];
  const correct: boolean[] = [];
  const probabilities = new Float64Array(labelCount);
  /** Top-label confidence of every case at temperature t (the top label itself does not depend on t). */
  const confidenceAt = (t: number) =>
    cases.map((_, i) => {
      for (let k = 0; k < labelCount; k++) probabilities[k] = logits[i * labelCount + k]!;
      return probabilities[softmaxInPlace(probabilities, t)]!;
    });
  cases.forEach((_, i) => {
    for (let k = 0; k < labelCount; k++) probabilities[k] = logits[i * labelCount + k]!;
    const best = softmaxInPlace(probabilities);
    predicted.push(labels[best]!);
    correct.push(best === targets[i]);
  });
  const before = confidenceAt(1);
  const tempered = confidenceAt(temperature);
  const topLabelScaling = withTopLabelScaling ? fitTopLabelScaling(tempered, correct) : null;
  const after = topLabelScaling ? tempered.map((c) => applyTopLabelScaling(topLabelScaling, c)) : tempered;
  return {
    temperature,
    topLabelScaling,
    metrics: {
      method,
      size: cases.length,
      accuracy: accuracy(actual, predicted),
      macroF1: macroF1(actual, predicted),
      eceBeforeCalibration: expectedCalibrationError(before, correct, BINS),
      eceAfterCalibration: expectedCalibrationError(after, correct, BINS),
      reliabilityBefore: reliabilityBins(before, correct, BINS),
      reliabilityAfter: reliabilityBins(after, correct, BINS),
    },
  };
}
