import { APICallError, generateText, NoObjectGeneratedError, Output, RetryError } from "ai";
import { z } from "zod";
import { buildClassificationPrompt, type FewShotExample } from "./classification-prompt";
import { labelProbabilityFromLogprobs, readTokenLogprobs } from "./logprob-confidence";
import { COMPATIBLE_PROVIDER_NAME, languageModelFor, type ProviderConnection } from "./provider-connection";

export interface LlmClassification {
  label: string;
  confidence: number;
  /** True when the confidence comes from token log-probabilities, false when the model only stated it. */
  fromLogprobs: boolean;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
}

/** The model answered, but not with one of the labels (or not with JSON at all): never a silent guess. */
export class LlmAnswerError extends Error {
  constructor(
    message: string,
    readonly inputTokens = 0,
    readonly outputTokens = 0,
  ) {
    super(message);
    this.name = "LlmAnswerError";
  }
}

/** The provider did not answer: rate limited past retries, a server error, a timeout, a refused connection. */
export class LlmProviderError extends Error {
  constructor(
    message: string,
    readonly statusCode?: number,
  ) {
    super(message);
    this.name = "LlmProviderError";
  }
}

export interface LlmClassifyInput {
  connection: ProviderConnection;
  model: string;
  text: string;
  labels: readonly string[];
  instructions?: string;
  examples?: readonly FewShotExample[];
}

/** The zod schema of an answer: a label from the set (an enum, so the provider is held to it) and a confidence. */
export function answerSchema(labels: readonly string[]) {
  const [first, ...rest] = labels;
  if (first === undefined) throw new Error("a classification needs at least one label");
  return z.object({
    label: z.enum([first, ...rest]),
    confidence: z.number().min(0).max(1),
  });
}

/** One structured-output classification call (AI SDK 6: generateText with `output: Output.object`). */
export async function classifyWithLlm(input: LlmClassifyInput): Promise<LlmClassification> {
  const { connection } = input;
  const { system, prompt } = buildClassificationPrompt(input);
  const started = performance.now();
  let result;
  try {
    result = await generateText({
      model: languageModelFor(connection, input.model),
      system,
      prompt,
      output: Output.object({ schema: answerSchema(input.labels), name: "classification" }),
      temperature: 0,
      // A label and a number: a small bound keeps a runaway answer cheap.
      maxOutputTokens: 256,
      maxRetries: connection.maxRetries ?? 2,
      timeout: connection.timeoutMs,
      providerOptions: {
        openai: { logprobs: true },
        [COMPATIBLE_PROVIDER_NAME]: { logprobs: true },
      },
    });
  } catch (error) {
    throw describeCallError(error, connection);
  }
  const latencyMs = Math.round(performance.now() - started);
  const { label, confidence: stated } = result.output;
  const tokens =
    readTokenLogprobs(result.providerMetadata?.openai?.logprobs) ??
    readTokenLogprobs(compatibleLogprobs(result.response.body));
  const fromLogprobs = tokens ? labelProbabilityFromLogprobs(tokens, label) : undefined;
  return {
    label,
    confidence: fromLogprobs ?? stated,
    fromLogprobs: fromLogprobs !== undefined,
    inputTokens: result.usage.inputTokens ?? 0,
    outputTokens: result.usage.outputTokens ?? 0,
    latencyMs,
  };
}

/** OpenAI-compatible servers' logprobs reach us only in the raw body (the SDK does not map them). */
function compatibleLogprobs(body: unknown): unknown {
  const choices = (body as { choices?: Array<{ logprobs?: { content?: unknown } }> } | undefined)?.choices;
  return choices?.[0]?.logprobs?.content;
}

/** Errors name the provider and the status, never the request (which may carry the key in a header). */
export function describeCallError(error: unknown, connection: ProviderConnection): Error {
  if (NoObjectGeneratedError.isInstance(error)) {
    const shown = (error.text ?? "").slice(0, 200);
    return new LlmAnswerError(
      `${connection.name} answered outside the label set or not as JSON: ${JSON.stringify(shown)}`,
      error.usage?.inputTokens ?? 0,
      error.usage?.outputTokens ?? 0,
    );
  }
  const last = RetryError.isInstance(error) ? error.lastError : error;
  if (APICallError.isInstance(last)) {
    return new LlmProviderError(
      `${connection.name} failed with HTTP ${last.statusCode ?? "?"}${RetryError.isInstance(error) ? ` after ${error.errors.length} attempts` : ""}`,
      last.statusCode,
    );
  }
  if (last instanceof Error && (last.name === "TimeoutError" || last.name === "AbortError")) {
    return new LlmProviderError(`${connection.name} did not answer within ${connection.timeoutMs} ms`);
  }
  const reason = last instanceof Error ? last.name : "unknown error";
  return new LlmProviderError(`${connection.name} could not be reached (${reason})`);
}
