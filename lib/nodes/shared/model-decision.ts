import type { ModelRef } from "../../engine/model-ref";
import { step, type RunContext, type StepResult } from "../../engine/node-definition";
import type { ClassifyResult, MaybePromise } from "../../engine/ports";
import type { ThresholdInForce } from "../../engine/run/outcome";
import { isThenable } from "../../engine/run/maybe-promise";
import { formatThreshold, thresholdInForce } from "../../engine/run/thresholds";

export const LOW_CONFIDENCE = "low_confidence";
/**
 * Taken by a node with an LLM when the model fails or answers outside its label set: never a silent guess.
 * Unconnected, it escalates with reason `connector` (the model is an external system that failed).
 */
export const MODEL_ERROR = "model_error";

export interface ModelDecisionSpec {
  nodeId: string;
  labels: readonly string[];
  model: ModelRef;
  threshold: number;
  inputField: string;
  /** The handle for a failed or off-label answer; absent → `low_confidence` (models that cannot go off-label). */
  errorHandle?: string;
}

function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Takes the label's handle when confidence ≥ the threshold in force, else
 * `low_confidence` with the label kept as the alternate.
 */
export function decideOnConfidence(
  labels: ReadonlySet<string>,
  result: ClassifyResult,
  threshold: ThresholdInForce,
  inputs: Record<string, unknown> | undefined,
  errorHandle?: string,
): StepResult {
  const { label, confidence } = result;
  if (!labels.has(label) || typeof confidence !== "number" || !(confidence >= 0 && confidence <= 1)) {
    return step({
      handle: errorHandle ?? LOW_CONFIDENCE,
      confidence: 0,
      threshold,
      inputs,
      output: { label, confidence: 0, explanation: result.explanation },
      detail: `the model answered ${JSON.stringify(label)} at ${String(confidence)}, which is not one of its labels with a 0..1 confidence`,
    });
  }
  const output = {
    label,
    confidence,
    explanation: result.explanation,
    scores: result.scores,
    ...(result.calibrated === false ? { calibrated: false } : {}),
    ...(result.usage ? { usage: result.usage } : {}),
    ...(result.fallbackFrom ? { fallbackFrom: result.fallbackFrom } : {}),
  };
  const shown = `${label} at ${formatThreshold(confidence)}`;
  if (confidence < threshold.value) {
    return step({
      handle: LOW_CONFIDENCE,
      // With no evidence at all there is no best guess worth suggesting.
      alternateHandle: confidence > 0 ? label : undefined,
      confidence,
      threshold,
      inputs,
      output,
      detail: `${shown} < threshold ${formatThreshold(threshold.value)}`,
    });
  }
  return step({
    handle: label,
    confidence,
    threshold,
    inputs,
    output,
    detail: `${shown} ≥ threshold ${formatThreshold(threshold.value)}`,
  });
}

/**
 * The confidence contract shared by classify and assess: ask the Models
 * port, take the label's handle when confidence ≥ the threshold in force,
 * else `low_confidence` (remembering the label as the alternate, so an
 * escalation can suggest what would have happened). A failing or confused
 * model takes the error handle when the node has one (LLMs), else
 * `low_confidence`: a person looks rather than the item being lost.
 */
export function modelDecisionStep(spec: ModelDecisionSpec): (run: RunContext) => MaybePromise<StepResult> {
  const fromGraph: ThresholdInForce = Object.freeze({ value: spec.threshold, source: "graph" });
  const labelSet = new Set(spec.labels);

  const decide = (
    result: ClassifyResult,
    threshold: ThresholdInForce,
    text: string,
    tracing: boolean,
  ): StepResult =>
    decideOnConfidence(
      labelSet,
      result,
      threshold,
      tracing ? { [`item.${spec.inputField}`]: text } : undefined,
      spec.errorHandle,
    );

  const failed = (error: unknown, threshold: ThresholdInForce): StepResult =>
    step({
      handle: spec.errorHandle ?? LOW_CONFIDENCE,
      confidence: 0,
      threshold,
      output: { label: null, confidence: 0, error: describeFailure(error) },
      detail: `the model could not answer: ${describeFailure(error)}`,
    });

  return (run) => {
    const value = run.item[spec.inputField];
    const text = typeof value === "string" ? value : "";
    const threshold = thresholdInForce(run, spec.nodeId, fromGraph);
    let answer: MaybePromise<ClassifyResult>;
    try {
      answer = run.ports.models.classify({ text, labels: spec.labels, model: spec.model });
    } catch (error) {
      return failed(error, threshold);
    }
    if (isThenable(answer)) {
      return Promise.resolve(answer).then(
        (result) => decide(result, threshold, text, run.tracing),
        (error: unknown) => failed(error, threshold),
      );
    }
    return decide(answer, threshold, text, run.tracing);
  };
}
