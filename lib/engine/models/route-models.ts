import type { ModelKind } from "../model-ref";
import type { ClassifyRequest, Models } from "../ports";
import { keywordModels, ModelUnavailableError } from "./keyword-model";

/**
 * One Models port out of one implementation per model kind. The keyword
 * model is always there; the model layer plugs in "embedded" and "llm".
 */
export function routeModels(byKind: Partial<Record<ModelKind, Models>> = {}): Models {
  const handlers: Partial<Record<string, Models>> = { keyword: keywordModels, ...byKind };
  return {
    classify(request: ClassifyRequest) {
      const handler = handlers[request.model.kind];
      if (!handler) throw new ModelUnavailableError(request.model.kind);
      return handler.classify(request);
    },
  };
}
