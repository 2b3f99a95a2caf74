/** The model layer: the embedded model (trained on a workflow's own history) and the metrics that judge any model. */
export {
  trainEmbeddedModel,
  trainEmbeddedModelSplit,
  type RefitApart,
  defaultTrainingSettings,
  type TrainEmbeddedModelOptions,
} from "./embedded/train-embedded-model";
export {
  predict,
  createPredictor,
  type Prediction,
  type PredictOptions,
  type Predictor,
} from "./embedded/predict";
export {
  classifyWithEmbeddedModel,
  type EmbeddedClassifyRequest,
  type EmbeddedClassifyResult,
} from "./embedded/classify-with-embedded-model";
export { serializeEmbeddedModel } from "./embedded/serialize-embedded-model";
export { deserializeEmbeddedModel } from "./embedded/deserialize-embedded-model";
export {
  serializedEmbeddedModelSchema,
  type SerializedEmbeddedModel,
} from "./embedded/serialized-embedded-model";
export type {
  EmbeddedModel,
  TrainingCase,
  TrainingSettings,
  HeldOutMetrics,
} from "./embedded/embedded-model";
export { defaultFeatureConfig, featureConfigSchema, type FeatureConfig } from "./features/feature-config";
export type { ModelInput, CaseFields, FieldValue } from "./features/model-input";
export { normalizeText } from "./text/normalize-text";
export { mulberry32 } from "./random/mulberry32";
export { accuracy } from "./metrics/accuracy";
export { macroF1 } from "./metrics/macro-f1";
export { confusionMatrix, type ConfusionMatrix } from "./metrics/confusion-matrix";
export { reliabilityBins, type ReliabilityBin } from "./metrics/reliability-bins";
export { expectedCalibrationError } from "./metrics/expected-calibration-error";
export { accuracyAtEscalationRate, type EscalationOutcome } from "./metrics/accuracy-at-escalation-rate";
