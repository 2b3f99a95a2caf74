import type { FeatureConfig } from "../features/feature-config";
import type { FeatureSpace } from "../features/feature-space";
import type { ModelInput } from "../features/model-input";
import type { ReliabilityBin } from "../metrics/reliability-bins";
import type { CalibrationSliceMethod } from "./choose-calibration-slice";
import type { LinearWeights } from "./linear-weights";
import type { QuantizedWeights } from "./quantize-weights";
import type { TopLabelScaling } from "./top-label-scaling";

/** One labelled case of a workflow's history. */
export interface TrainingCase extends ModelInput {
  label: string;
  /** When the case happened; with a cut-off, a case without a time cannot be shown to precede it and is left out. */
  occurredAt?: Date;
}

export interface TrainingSettings {
  l2: number;
  epochs: number;
  learningRate: number;
  seed: number;
  heldOutFraction: number;
  /**
   * "auto": the latest cases when all have times, else stratified random. Force
   * "stratified-random" when the cases to come are not later than the history
   * (a random benchmark split), where the latest slice would be unrepresentative.
   */
  heldOutSlice: "auto" | CalibrationSliceMethod;
  /** After calibrating on the slice, retrain on every pre-cut-off case and keep the temperature. */
  refitOnAll: boolean;
  /**
   * When set, a case's weight in the loss halves every this many days before the
   * latest training case (drifting data: recent weeks matter most). null: all equal.
   */
  recencyHalfLifeDays: number | null;
  /**
   * Rolling-origin folds for calibration when cases have times: fold j holds out the
   * j-th latest `heldOutFraction` and fits on all before it; one temperature is
   * fitted on every fold's held-out logits. 1: the latest slice only.
   */
  calibrationFolds: number;
  /** After the temperature, fit the top-label scaling on the same held-out logits (see top-label-scaling.ts). */
  topLabelScaling: boolean;
}

/** Measured on the held-out calibration slice by the model that did not see it. */
export interface HeldOutMetrics {
  method: CalibrationSliceMethod;
  size: number;
  accuracy: number;
  macroF1: number;
  eceBeforeCalibration: number;
  /** Optimistic: the temperature and the top-label scaling were fitted on this same slice. */
  eceAfterCalibration: number;
  reliabilityBefore: ReliabilityBin[];
  reliabilityAfter: ReliabilityBin[];
}

export interface EmbeddedModel {
  labels: string[];
  featureConfig: FeatureConfig;
  space: FeatureSpace;
  /** Weights as used: exactly the dequantised `quantized`, so a saved model predicts identically. */
  linear: LinearWeights;
  quantized: QuantizedWeights;
  /** Logits are divided by this before the softmax. */
  temperature: number;
  /** Then the chosen label's probability is rescaled by this (null: too few held-out cases, or an older model). */
  topLabelScaling: TopLabelScaling | null;
  training: TrainingSettings & {
    /** Cases the final classifier was trained on. */
    size: number;
    /** ISO time; null when trained without one. */
    cutoff: string | null;
    excludedAtOrAfterCutoff: number;
    excludedWithoutTime: number;
    labelCounts: Record<string, number>;
  };
  /** null when there were too few cases to hold any out. */
  heldOut: HeldOutMetrics | null;
}
