import type { ModelInput } from "../features/model-input";
import { createLogitScorer } from "./create-logit-scorer";
import type { EmbeddedModel } from "./embedded-model";
import { softmaxInPlace } from "./softmax-in-place";
import { applyTopLabelScaling } from "./top-label-scaling";

export interface Prediction {
  label: string;
  /** The calibrated probability of `label` (temperature, then top-label scaling). */
  confidence: number;
  /** label → probability, summing to 1 over the labels considered. */
  scores: Record<string, number>;
}

export interface PredictOptions {
  /** Only these labels may be chosen (the classify node's label list); probabilities renormalise over them. */
  labels?: readonly string[];
  /** Skip calibration (temperature and top-label scaling): for measuring it, never for decisions. */
  uncalibrated?: boolean;
}

export type Predictor = (input: ModelInput, options?: PredictOptions) => Prediction;

export function createPredictor(model: EmbeddedModel): Predictor {
  const score = createLogitScorer(model.space, model.linear, model.featureConfig);
  const logits = new Float64Array(model.labels.length);
  const labelIndex = new Map(model.labels.map((label, k) => [label, k]));
  // Cloning an object that already has every label key is several times cheaper
  // than adding 77 keys one by one (which drops V8 into dictionary mode).
  const template: Record<string, number> = Object.fromEntries(model.labels.map((label) => [label, 0]));
  // A classify node asks with the same label list item after item: its indexes are worked out once.
  const allowedByList = new Map<string, number[]>();
  const allowedIndexes = (labels: readonly string[]): number[] => {
    const key = labels.join("\u0000");
    let indexes = allowedByList.get(key);
    if (!indexes) {
      const allowed = new Set<number>();
      for (const label of labels) {
        const k = labelIndex.get(label);
        if (k !== undefined) allowed.add(k);
      }
      if (allowed.size === 0) throw new Error("predict: none of the requested labels was seen in training");
      indexes = [...allowed].sort((a, b) => a - b);
      if (allowedByList.size >= 64) allowedByList.clear();
      allowedByList.set(key, indexes);
    }
    return indexes;
  };
  return (input, options = {}) => {
    score(input, logits);
    // null: every label may be chosen.
    let allowed: number[] | null = null;
    if (options.labels) {
      const indexes = allowedIndexes(options.labels);
      if (indexes.length < logits.length) {
        allowed = indexes;
        let next = 0;
        for (let k = 0; k < logits.length; k++) {
          if (allowed[next] === k) next++;
          else logits[k] = Number.NEGATIVE_INFINITY;
        }
      }
    }
    const best = softmaxInPlace(logits, options.uncalibrated ? 1 : model.temperature);
    if (model.topLabelScaling && !options.uncalibrated) {
      // The other labels share what is left in their proportions, so the scores still sum to 1.
      const tempered = logits[best]!;
      const scaled = applyTopLabelScaling(model.topLabelScaling, tempered);
      const rest = tempered < 1 ? (1 - scaled) / (1 - tempered) : 0;
      for (let k = 0; k < logits.length; k++) logits[k] = k === best ? scaled : logits[k]! * rest;
    }
    let scores: Record<string, number>;
    if (allowed) scores = Object.fromEntries(allowed.map((k) => [model.labels[k]!, logits[k]!]));
    else {
      // Every key is already an own data property, so even a label named "__proto__" is set safely.
      scores = { ...template };
      for (let k = 0; k < logits.length; k++) scores[model.labels[k]!] = logits[k]!;
    }
    return { label: model.labels[best]!, confidence: logits[best]!, scores };
  };
}

const predictors = new WeakMap<EmbeddedModel, Predictor>();

/** Predicts with a predictor cached per model, so repeated calls reuse its buffers. */
export function predict(model: EmbeddedModel, input: ModelInput, options?: PredictOptions): Prediction {
  let predictor = predictors.get(model);
  if (!predictor) {
    predictor = createPredictor(model);
    predictors.set(model, predictor);
  }
  return predictor(input, options);
}
