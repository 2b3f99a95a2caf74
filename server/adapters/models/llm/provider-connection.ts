import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { EmbeddingModel, LanguageModel } from "ai";
import type { ModelProviderKind } from "../../../db/schema";

/** Everything needed to call one configured provider; built server-side only (it carries the API key). */
export interface ProviderConnection {
  id: string;
  name: string;
  kind: ModelProviderKind;
  baseUrl: string | null;
  /** Undefined for local servers that need none. Never logged, never put in an error message. */
  apiKey: string | undefined;
  defaultModel: string;
  concurrency: number;
  requestsPerMinute: number;
  timeoutMs: number;
  inputCostPerMillion: number;
  outputCostPerMillion: number;
  /** The SDK's own retries of 429/5xx (with backoff) before the call counts as failed. */
  maxRetries?: number;
}

/** The providerOptions key (and provider name) of OpenAI-compatible servers. */
export const COMPATIBLE_PROVIDER_NAME = "compatible";

/**
 * The AI SDK model for a connection. OpenAI goes through Chat Completions (`.chat`), not the Responses API
 * that `openai(model)` calls, because chat completions return token log-probabilities we turn into confidence.
 */
export function languageModelFor(connection: ProviderConnection, modelName: string): LanguageModel {
  const baseURL = connection.baseUrl ?? undefined;
  switch (connection.kind) {
    case "openai":
      return createOpenAI({ apiKey: connection.apiKey ?? "", baseURL }).chat(modelName);
    case "anthropic":
      return createAnthropic({ apiKey: connection.apiKey ?? "", baseURL })(modelName);
    case "openai-compatible":
      return createOpenAICompatible({
        name: COMPATIBLE_PROVIDER_NAME,
        baseURL: requireBaseUrl(connection),
        apiKey: connection.apiKey,
        // Without this only `json_object` is sent and the label schema never reaches the model.
        supportsStructuredOutputs: true,
      }).chatModel(modelName);
  }
}

/** Embeddings for knowledge-base matching; Anthropic has no embedding API. */
export function embeddingModelFor(connection: ProviderConnection, modelName: string): EmbeddingModel {
  const baseURL = connection.baseUrl ?? undefined;
  switch (connection.kind) {
    case "openai":
      return createOpenAI({ apiKey: connection.apiKey ?? "", baseURL }).embedding(modelName);
    case "openai-compatible":
      return createOpenAICompatible({
        name: COMPATIBLE_PROVIDER_NAME,
        baseURL: requireBaseUrl(connection),
        apiKey: connection.apiKey,
      }).embeddingModel(modelName);
    case "anthropic":
      throw new Error(`${connection.name}: Anthropic offers no embedding models`);
  }
}

function requireBaseUrl(connection: ProviderConnection): string {
  if (!connection.baseUrl)
    throw new Error(`${connection.name}: an OpenAI-compatible provider needs a base URL`);
  return connection.baseUrl;
}
