import crypto from "node:crypto";
import type { LlmModelRef } from "@/lib/engine/model-ref";
import type { ClassifyRequest, ClassifyResult, Models } from "@/lib/engine/ports";
import type { ModelCallPurpose, ModelCallStatus } from "../../../db/schema";
import type { FewShotExample } from "./classification-prompt";
import {
  classifyWithLlm,
  LlmAnswerError,
  LlmProviderError,
  type LlmClassification,
} from "./classify-with-llm";
import type { ProviderConnection } from "./provider-connection";
import { applyPlatt } from "@/lib/models/calibration/platt-scaling";
import { limiterFor, type SharedRateReservation } from "./provider-limiter";

export interface ModelCallRecord {
  providerId: string;
  model: string;
  purpose: ModelCallPurpose;
  status: ModelCallStatus;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  costUsd: number;
  error?: string;
}

/** What a cached classification keeps: enough to answer again without the provider. */
export type CachedClassification = Omit<LlmClassification, "latencyMs">;

export interface ModelCallCache {
  get(key: string): Promise<CachedClassification | undefined>;
  set(key: string, value: CachedClassification): Promise<void>;
}

export interface LlmModelsDeps {
  connection(providerId: string): Promise<ProviderConnection | undefined>;
  /** Backtests only: identical calls are answered from here, so a re-run does not pay twice. */
  cache?: ModelCallCache;
  record?(call: ModelCallRecord): Promise<void> | void;
  /** The most similar labelled past cases, for nodes that ask for few-shot examples. */
  fewShot?(text: string, labels: readonly string[], count: number): Promise<FewShotExample[]>;
  /** Where a node's fallback model is asked (the run's whole Models router). */
  fallback?(): Models;
  /** The provider's rate limit shared by every process; in-process when absent. */
  sharedRate?: SharedRateReservation;
}

/** Bumped whenever the prompt changes, so cached answers to an older prompt are not reused. */
const PROMPT_VERSION = "classify-v1";

export function classificationCacheKey(
  connection: ProviderConnection,
  model: string,
  request: {
    text: string;
    labels: readonly string[];
    instructions?: string;
    examples: readonly FewShotExample[];
  },
): string {
  const shape = [
    PROMPT_VERSION,
    connection.kind,
    connection.baseUrl ?? "",
    model,
    request.labels,
    request.instructions ?? "",
    request.examples,
    request.text,
  ];
  return crypto.createHash("sha256").update(JSON.stringify(shape)).digest("hex");
}

/** What a call cost at the provider's configured prices (classification and embedding calls alike). */
export function costOf(connection: ProviderConnection, inputTokens: number, outputTokens: number): number {
  return (
    (inputTokens * connection.inputCostPerMillion + outputTokens * connection.outputCostPerMillion) / 1e6
  );
}

/**
 * The Models port for `{ kind: "llm" }`: asks the configured provider (within its concurrency, rate limit and
 * timeout), records tokens, latency and cost of every call, and on a provider failure asks the node's fallback.
 * An answer outside the label set is not a provider failure: it is thrown, and the node takes `model_error`.
 */
export function llmModelsPort(deps: LlmModelsDeps): Models {
  const record = async (call: ModelCallRecord) => {
    try {
      await deps.record?.(call);
    } catch {
      // Losing a usage row must not fail the item it was recorded for.
    }
  };

  async function ask(request: ClassifyRequest, ref: LlmModelRef): Promise<ClassifyResult> {
    const connection = await deps.connection(ref.providerId);
    if (!connection) throw new LlmProviderError(`no model provider "${ref.providerId}" is configured`);
    const examples =
      ref.fewShot && deps.fewShot ? await deps.fewShot(request.text, request.labels, ref.fewShot) : [];
    const input = { text: request.text, labels: request.labels, instructions: ref.instructions, examples };
    const base = { providerId: connection.id, model: ref.model, purpose: "classify" as const };
    const key = deps.cache ? classificationCacheKey(connection, ref.model, input) : undefined;
    const cached = key ? await deps.cache?.get(key) : undefined;
    if (cached && request.labels.includes(cached.label)) {
      await record({ ...base, status: "cached", inputTokens: 0, outputTokens: 0, latencyMs: 0, costUsd: 0 });
      return toResult(connection, ref, cached, { latencyMs: 0, costUsd: 0, cached: true });
    }
    const started = performance.now();
    try {
      const answer = await limiterFor(
        connection.id,
        connection.concurrency,
        connection.requestsPerMinute,
        deps.sharedRate,
      ).run(() => classifyWithLlm({ connection, model: ref.model, ...input }));
      const costUsd = costOf(connection, answer.inputTokens, answer.outputTokens);
      await record({ ...base, status: "ok", ...usageOf(answer), latencyMs: answer.latencyMs, costUsd });
      if (key) await deps.cache?.set(key, withoutLatency(answer));
      return toResult(connection, ref, answer, { latencyMs: answer.latencyMs, costUsd, cached: false });
    } catch (error) {
      const latencyMs = Math.round(performance.now() - started);
      const tokens = error instanceof LlmAnswerError ? error : { inputTokens: 0, outputTokens: 0 };
      await record({
        ...base,
        status: "error",
        inputTokens: tokens.inputTokens,
        outputTokens: tokens.outputTokens,
        latencyMs,
        costUsd: costOf(connection, tokens.inputTokens, tokens.outputTokens),
        error: error instanceof Error ? error.message : "unknown error",
      });
      throw error;
    }
  }

  return {
    async classify(request: ClassifyRequest): Promise<ClassifyResult> {
      const ref = request.model;
      if (ref.kind !== "llm") throw new Error(`the LLM port cannot answer a ${ref.kind} model`);
      try {
        return await ask(request, ref);
      } catch (error) {
        const fallback = ref.fallback;
        if (
          !(error instanceof LlmProviderError) ||
          !fallback ||
          fallback.kind === "escalate" ||
          !deps.fallback
        )
          throw error;
        const answer = await deps.fallback().classify({ ...request, model: fallback });
        return { ...answer, fallbackFrom: `${ref.providerId}/${ref.model}: ${error.message}` };
      }
    },
  };
}

function usageOf(answer: { inputTokens: number; outputTokens: number }) {
  return { inputTokens: answer.inputTokens, outputTokens: answer.outputTokens };
}

function withoutLatency(answer: LlmClassification): CachedClassification {
  const { latencyMs: _latency, ...rest } = answer;
  return rest;
}

function toResult(
  connection: ProviderConnection,
  ref: LlmModelRef,
  answer: CachedClassification,
  extra: { latencyMs: number; costUsd: number; cached: boolean },
): ClassifyResult {
  // A calibration fitted on a backtest maps the raw score (token probability or stated number) to how often
  // the node's outcome was right at that score; without one, only token probabilities count as calibrated.
  const confidence = ref.calibration ? applyPlatt(ref.calibration, answer.confidence) : answer.confidence;
  const source = answer.fromLogprobs ? "token probability" : "stated confidence";
  return {
    label: answer.label,
    confidence: Math.round(confidence * 10_000) / 10_000,
    calibrated: ref.calibration !== undefined || answer.fromLogprobs,
    explanation: `${connection.name} / ${ref.model} (${
      ref.calibration
        ? `${source} ${answer.confidence.toFixed(2)}, calibrated on a backtest`
        : answer.fromLogprobs
          ? source
          : `${source}, uncalibrated`
    })`,
    usage: { inputTokens: answer.inputTokens, outputTokens: answer.outputTokens, ...extra },
  };
}
