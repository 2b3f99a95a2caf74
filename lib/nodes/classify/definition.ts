import { z } from "zod";
import { identifierSchema } from "../../engine/graph/graph-schema";
import { modelRefSchema } from "../../engine/model-ref";
import { defineNode } from "../../engine/node-definition";
import {
  checkKeywordModel,
  checkTextField,
  errorHandleFor,
  labelSchema,
  modelErrorHandles,
  thresholdSchema,
  uniqueLabels,
} from "../shared/model-config";
import { LOW_CONFIDENCE, modelDecisionStep } from "../shared/model-decision";

export const classifyConfigSchema = z
  .object({
    labels: z.array(labelSchema).min(1).max(50),
    model: modelRefSchema,
    /** Below this confidence the item takes `low_confidence`. Admins may override it per run. */
    threshold: thresholdSchema.default(0.7),
    /** Defaults to the trigger's text field. */
    inputField: identifierSchema.optional(),
  })
  .superRefine((config, ctx) => uniqueLabels(config.labels, ctx, "labels"));
export type ClassifyConfig = z.infer<typeof classifyConfigSchema>;

export const classifyNode = defineNode<ClassifyConfig>({
  type: "classify",
  label: "Classify",
  group: "decision",
  description:
    "Picks one label with a confidence from a model; below the threshold the item takes low_confidence.",
  configSchema: classifyConfigSchema,
  defaultConfig: {
    labels: ["billing", "technical"],
    model: {
      kind: "keyword",
      keywords: { billing: ["invoice", "refund*", "charge*"], technical: ["error", "crash*", "bug"] },
    },
    threshold: 0.7,
  },
  terminal: false,
  outputHandles: (config) => [
    ...config.labels.map((label) => ({ id: label, label })),
    { id: LOW_CONFIDENCE, label: "Low confidence", escalateAs: "confidence" as const },
    ...modelErrorHandles(config.model),
  ],
  summary: (config) => `${config.labels.join(" · ")} (≥ ${config.threshold.toFixed(2)})`,
  check: (config, context) => [
    ...checkKeywordModel(config.model, config.labels),
    ...checkTextField(config.inputField, context),
  ],
  prepare: (config, { nodeId, itemShape }) =>
    modelDecisionStep({
      nodeId,
      labels: config.labels,
      model: config.model,
      threshold: config.threshold,
      inputField: config.inputField ?? itemShape.textField,
      errorHandle: errorHandleFor(config.model),
    }),
});
