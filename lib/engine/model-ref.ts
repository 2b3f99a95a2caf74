import { z } from "zod";

/**
 * Which model a classify/assess node asks, through the Models port.
 * A discriminated union on `kind`: the model layer adds kinds here; each
 * Models implementation routes on `kind` and answers for the kinds it knows.
 */
export const keywordModelRefSchema = z.object({
  kind: z.literal("keyword"),
  /** label → words or phrases; a trailing `*` matches any ending (`refund*`). */
  keywords: z.record(z.string(), z.array(z.string().min(1).max(100)).max(500)),
});
export const embeddedModelRefSchema = z.object({ kind: z.literal("embedded"), modelId: z.string().min(1) });
/** What an LLM node does when its provider fails (after the provider's own retries and timeout). */
export const llmFallbackSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("llm"), providerId: z.string().min(1), model: z.string().min(1) }),
  z.object({ kind: z.literal("embedded"), modelId: z.string().min(1) }),
  /** Take the node's `model_error` output, which escalates with reason `connector` when unconnected. */
  z.object({ kind: z.literal("escalate") }),
]);
export type LlmFallback = z.infer<typeof llmFallbackSchema>;

export const llmCalibrationSchema = z.object({
  id: z.string().min(1).max(200),
  slope: z.number().finite(),
  intercept: z.number().finite(),
});
export type LlmCalibration = z.infer<typeof llmCalibrationSchema>;

export const llmModelRefSchema = z.object({
  kind: z.literal("llm"),
  providerId: z.string().min(1),
  model: z.string().min(1),
  instructions: z.string().max(8000).optional(),
  /** How many of the most similar labelled past cases to show the model (0: none). */
  fewShot: z.number().int().min(0).max(10).optional(),
  fallback: llmFallbackSchema.optional(),
  /**
   * The calibration in force (fitted on a backtest, stored in `model_calibrations`): the node's thresholds act on
   * sigmoid(slope · logit(raw) + intercept). Inline, so a published version keeps the calibration it was run with.
   */
  calibration: llmCalibrationSchema.optional(),
});
export type LlmModelRef = z.infer<typeof llmModelRefSchema>;

export const modelRefSchema = z.discriminatedUnion("kind", [
  keywordModelRefSchema,
  embeddedModelRefSchema,
  llmModelRefSchema,
]);
export type ModelRef = z.infer<typeof modelRefSchema>;
export type KeywordModelRef = z.infer<typeof keywordModelRefSchema>;
export type ModelKind = ModelRef["kind"];
