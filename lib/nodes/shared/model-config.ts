import { z } from "zod";
import type { ModelRef } from "../../engine/model-ref";
import type { CheckIssue, GraphCheckContext } from "../../engine/node-definition";
import type { HandleSpec } from "../../engine/node-definition";
import { LOW_CONFIDENCE, MODEL_ERROR } from "./model-decision";

/** Label or level names double as output handle ids. */
export const labelSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "use letters, digits, _ and - (at most 64)")
  .refine((l) => l !== LOW_CONFIDENCE, `"${LOW_CONFIDENCE}" is reserved for the low-confidence handle`)
  .refine((l) => l !== MODEL_ERROR, `"${MODEL_ERROR}" is reserved for the model-error handle`);

/** Only LLMs can fail as external systems do or answer off-label, so only they get the error output. */
export function modelErrorHandles(model: ModelRef): HandleSpec[] {
  if (model.kind !== "llm") return [];
  return [{ id: MODEL_ERROR, label: "Model error", escalateAs: "connector", whenUnconnected: "escalate" }];
}

export function errorHandleFor(model: ModelRef): string | undefined {
  return model.kind === "llm" ? MODEL_ERROR : undefined;
}

export const thresholdSchema = z.number().min(0).max(1);

export function uniqueLabels(labels: readonly string[], ctx: z.RefinementCtx, path: string): void {
  const seen = new Set<string>();
  labels.forEach((label, i) => {
    if (seen.has(label))
      ctx.addIssue({ code: "custom", path: [path, i], message: `"${label}" is listed twice` });
    seen.add(label);
  });
}

/** A keyword model must give every label words, and only labels it knows. */
export function checkKeywordModel(model: ModelRef, labels: readonly string[]): CheckIssue[] {
  if (model.kind !== "keyword") return [];
  const issues: CheckIssue[] = [];
  const known = new Set(labels);
  for (const label of Object.keys(model.keywords)) {
    if (!known.has(label)) {
      issues.push({
        code: "invalid_config",
        message: `the keyword model lists words for "${label}", which is not one of the labels`,
      });
    }
  }
  for (const label of labels) {
    if ((model.keywords[label] ?? []).length === 0) {
      issues.push({
        code: "invalid_config",
        message: `the keyword model has no words for "${label}", so it can never be chosen`,
      });
    }
  }
  return issues;
}

export function checkTextField(field: string | undefined, context: GraphCheckContext): CheckIssue[] {
  if (field === undefined || !context.itemShape) return [];
  const declared = context.itemShape.fields.find((f) => f.name === field);
  if (!declared)
    return [{ code: "unknown_field", message: `the input field "${field}" is not declared by the trigger` }];
  if (declared.type !== "string" && declared.type !== "enum") {
    return [
      {
        code: "invalid_config",
        message: `the input field "${field}" is a ${declared.type} field; pick a text field`,
      },
    ];
  }
  return [];
}
