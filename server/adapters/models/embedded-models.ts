import type { ClassifyRequest, ClassifyResult, Models } from "@/lib/engine/ports";
import {
  classifyWithEmbeddedModel,
  type CaseFields,
  type EmbeddedModel,
  type FieldValue,
} from "@/lib/models";

export interface LoadedEmbeddedModel {
  model: EmbeddedModel;
  /** Item fields the model learned from as structured features. */
  featureFields: readonly string[];
}

export interface EmbeddedModelsPort extends Models {
  /**
   * The item being run. The Models port carries only the text, but an embedded model also reads structured
   * fields (ServiceNow incidents have no text at all): the runner sets the item before running it, and the
   * synchronous classify reads its fields from here.
   */
  setCurrentItem(item: Readonly<Record<string, unknown>> | undefined): void;
}

function fieldValue(value: unknown): FieldValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

/** The Models port for `{ kind: "embedded", modelId }`: answers from models trained and loaded by the caller. */
export function embeddedModelsPort(models: ReadonlyMap<string, LoadedEmbeddedModel>): EmbeddedModelsPort {
  let current: Readonly<Record<string, unknown>> | undefined;
  return {
    setCurrentItem(item) {
      current = item;
    },
    classify(request: ClassifyRequest): ClassifyResult {
      if (request.model.kind !== "embedded")
        throw new Error(`the embedded model port cannot answer a ${request.model.kind} model`);
      const loaded = models.get(request.model.modelId);
      if (!loaded)
        throw new Error(`no trained embedded model "${request.model.modelId}" is available for this run`);
      let fields: CaseFields | undefined;
      if (current && loaded.featureFields.length > 0) {
        const picked: Record<string, FieldValue> = {};
        for (const name of loaded.featureFields) picked[name] = fieldValue(current[name]);
        fields = picked;
      }
      return classifyWithEmbeddedModel(loaded.model, { text: request.text, fields, labels: request.labels });
    },
  };
}
