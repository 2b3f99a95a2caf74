"use client";

import { useQuery } from "@tanstack/react-query";
import { FewShotField } from "@/components/models/few-shot-field";
import { LlmCalibrationPanel } from "@/components/models/llm-calibration-panel";
import { useTRPC } from "@/components/providers/trpc";
import type { LlmFallback, LlmModelRef } from "@/lib/engine/model-ref";
import { SelectField, TextAreaField, TextField } from "./fields";
import { issuesAt } from "./issues";
import type { FieldIssues } from "../node-editor-types";

const FALLBACKS = [
  { value: "", label: "Model error output (escalates, reason connector)" },
  { value: "embedded", label: "The embedded model" },
  { value: "llm", label: "Another provider's model" },
];

/** A calibration was fitted for one provider and model: another one starts uncalibrated. */
function withoutCalibration(model: LlmModelRef): LlmModelRef {
  const { calibration: _calibration, ...rest } = model;
  return rest;
}

/**
 * The LLM part of a model picker: provider (from those an admin configured), model, owner guidance, few-shot
 * examples, the calibration in force and what happens when the provider fails. Says plainly when the
 * confidence is not calibrated.
 */
export function LlmModelFields({
  model,
  onChange,
  issues,
  prefix,
  disabled,
  workflowId,
  nodeId,
}: {
  model: LlmModelRef;
  onChange(model: LlmModelRef, field?: string): void;
  issues: FieldIssues;
  prefix: string;
  disabled?: boolean;
  /** The workflow and node, for calibrating on the workflow's backtests (absent outside an editor). */
  workflowId?: string;
  nodeId?: string;
}) {
  const trpc = useTRPC();
  const providers = useQuery(trpc.modelProviders.choices.queryOptions());
  const options = (providers.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.kind})` }));
  const chosen = providers.data?.find((p) => p.id === model.providerId);
  const fallback = model.fallback;

  function setFallback(kind: string) {
    const next: LlmFallback | undefined =
      kind === "embedded"
        ? { kind: "embedded", modelId: "" }
        : kind === "llm"
          ? { kind: "llm", providerId: options[0]?.value ?? "", model: "" }
          : undefined;
    onChange({ ...model, fallback: next }, "fallback");
  }

  return (
    <>
      <div className="grid grid-cols-2 gap-2">
        <SelectField
          label="Provider"
          value={model.providerId}
          options={options}
          onChange={(providerId) => {
            const provider = providers.data?.find((p) => p.id === providerId);
            onChange(
              withoutCalibration({
                ...model,
                providerId,
                model: model.model || provider?.defaultModel || "",
              }),
              "providerId",
            );
          }}
          issues={issuesAt(issues, `${prefix}.providerId`)}
          hint={
            providers.isError
              ? "Providers could not be loaded."
              : options.length === 0
                ? "An admin adds providers under Admin → Models."
                : undefined
          }
          disabled={disabled}
        />
        <TextField
          label="Model name"
          value={model.model}
          onChange={(name) => onChange(withoutCalibration({ ...model, model: name }), "model")}
          issues={issuesAt(issues, `${prefix}.model`)}
          hint={chosen ? `Default: ${chosen.defaultModel}` : undefined}
          disabled={disabled}
        />
      </div>
      <p className="text-xs text-slate-500" data-testid="llm-confidence-note">
        {chosen?.kind === "anthropic"
          ? "Anthropic returns no token probabilities: the raw score is the model's own statement. Calibrate it on a backtest before trusting a threshold."
          : "The raw score is the probability of the label's tokens when the server returns logprobs; otherwise the model's own statement (marked uncalibrated in the trace). Either way, calibrate it on a backtest."}
      </p>
      <LlmCalibrationPanel
        workflowId={workflowId}
        nodeId={nodeId}
        model={model}
        onChange={onChange}
        disabled={disabled}
      />
      <TextAreaField
        label="Instructions (optional)"
        rows={3}
        value={model.instructions}
        onChange={(instructions) =>
          onChange({ ...model, instructions: instructions || undefined }, "instructions")
        }
        issues={issuesAt(issues, `${prefix}.instructions`)}
        disabled={disabled}
      />
      <FewShotField
        value={model.fewShot}
        onChange={(fewShot) => onChange({ ...model, fewShot }, "fewShot")}
        issues={issuesAt(issues, `${prefix}.fewShot`)}
        disabled={disabled}
      />
      <SelectField
        label="When the provider fails"
        value={fallback?.kind === "escalate" ? "" : (fallback?.kind ?? "")}
        options={FALLBACKS}
        onChange={setFallback}
        issues={issuesAt(issues, `${prefix}.fallback`)}
        disabled={disabled}
      />
      {fallback?.kind === "embedded" ? (
        <TextField
          label="Fallback embedded model id"
          mono
          value={fallback.modelId}
          onChange={(modelId) => onChange({ ...model, fallback: { kind: "embedded", modelId } }, "fallback")}
          issues={issuesAt(issues, `${prefix}.fallback.modelId`)}
          disabled={disabled}
        />
      ) : null}
      {fallback?.kind === "llm" ? (
        <div className="grid grid-cols-2 gap-2">
          <SelectField
            label="Fallback provider"
            value={fallback.providerId}
            options={options}
            onChange={(providerId) =>
              onChange({ ...model, fallback: { ...fallback, providerId } }, "fallback")
            }
            issues={issuesAt(issues, `${prefix}.fallback.providerId`)}
            disabled={disabled}
          />
          <TextField
            label="Fallback model"
            value={fallback.model}
            onChange={(name) => onChange({ ...model, fallback: { ...fallback, model: name } }, "fallback")}
            issues={issuesAt(issues, `${prefix}.fallback.model`)}
            disabled={disabled}
          />
        </div>
      ) : null}
    </>
  );
}
