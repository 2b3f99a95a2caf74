import type { CaseFields } from "../features/model-input";
import type { EmbeddedModel } from "./embedded-model";
import { predict } from "./predict";

export interface EmbeddedClassifyRequest {
  text: string;
  fields?: CaseFields;
  labels: readonly string[];
}

export interface EmbeddedClassifyResult {
  label: string;
  confidence: number;
  scores: Record<string, number>;
  explanation: string;
}

const explanations = new WeakMap<EmbeddedModel, string>();

/** What the model is, said once per model rather than once per item. */
function explanationOf(model: EmbeddedModel): string {
  let explanation = explanations.get(model);
  if (explanation === undefined) {
    const cutoff = model.training.cutoff ? ` before ${model.training.cutoff.slice(0, 10)}` : "";
    const heldOut = model.heldOut ? `; held-out accuracy ${(model.heldOut.accuracy * 100).toFixed(1)}%` : "";
    explanation = `Embedded model trained on ${model.training.size} past cases${cutoff}${heldOut}.`;
    explanations.set(model, explanation);
  }
  return explanation;
}

/**
 * The answer the engine's Models port expects from a classify node, produced by
 * an embedded model. The label list of the node restricts the choice; labels the
 * model never saw get no score.
 */
export function classifyWithEmbeddedModel(
  model: EmbeddedModel,
  request: EmbeddedClassifyRequest,
): EmbeddedClassifyResult {
  const prediction = predict(
    model,
    { text: request.text, fields: request.fields },
    { labels: request.labels },
  );
  return {
    ...prediction,
    explanation: explanationOf(model),
  };
}
