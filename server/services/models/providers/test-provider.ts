import { classifyWithLlm } from "../../../adapters/models/llm/classify-with-llm";
import type { Db } from "../../../db/client";
import { recordModelCall } from "./call-records";
import { forgetConnection, loadConnection } from "./provider-connections";

export const SAMPLE_TICKET =
  "I was charged twice for my subscription this month, please refund one of the payments.";
export const SAMPLE_LABELS = ["billing", "technical", "account"];

export type ProviderTestResult =
  | { ok: true; latencyMs: number; label: string; confidence: number; calibrated: boolean; model: string }
  | { ok: false; latencyMs: number; error: string; model: string };

/** One real classification of a sample ticket through the provider, so an admin sees it work (and how fast). */
export async function testProvider(db: Db, providerId: string, model?: string): Promise<ProviderTestResult> {
  forgetConnection(providerId);
  const connection = await loadConnection(db, providerId);
  if (!connection)
    return { ok: false, latencyMs: 0, error: "That provider no longer exists.", model: model ?? "" };
  const modelName = model?.trim() || connection.defaultModel;
  const started = performance.now();
  try {
    const answer = await classifyWithLlm({
      connection: { ...connection, maxRetries: 0 },
      model: modelName,
      text: SAMPLE_TICKET,
      labels: SAMPLE_LABELS,
    });
    await recordModelCall(db, {
      providerId,
      model: modelName,
      purpose: "test",
      status: "ok",
      inputTokens: answer.inputTokens,
      outputTokens: answer.outputTokens,
      latencyMs: answer.latencyMs,
      costUsd:
        (answer.inputTokens * connection.inputCostPerMillion +
          answer.outputTokens * connection.outputCostPerMillion) /
        1e6,
    });
    return {
      ok: true,
      latencyMs: answer.latencyMs,
      label: answer.label,
      confidence: answer.confidence,
      calibrated: answer.fromLogprobs,
      model: modelName,
    };
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    const message = error instanceof Error ? error.message : "unknown error";
    await recordModelCall(db, {
      providerId,
      model: modelName,
      purpose: "test",
      status: "error",
      inputTokens: 0,
      outputTokens: 0,
      latencyMs,
      costUsd: 0,
      error: message,
    });
    return { ok: false, latencyMs, error: message, model: modelName };
  }
}
