"use client";

import { Tags } from "lucide-react";
import { FormSection, SelectField, TextField } from "@/components/editor/form/fields";
import { LlmModelFields } from "@/components/editor/form/llm-model-fields";
import { ItemFieldSelect, textFieldDefaultLabel } from "@/components/editor/form/item-field-select";
import { issuesAt, issuesUnder } from "@/components/editor/form/issues";
import { StringListField } from "@/components/editor/form/string-list-field";
import { ThresholdField } from "@/components/editor/form/threshold-field";
import type {
  ConfigFormProps,
  EditorFormContext,
  FieldIssues,
  NodeEditorModule,
} from "@/components/editor/node-editor-types";
import type { ModelRef } from "../../engine/model-ref";
import type { ClassifyConfig } from "./definition";

const MODEL_KINDS = [
  { value: "keyword", label: "Keywords (built in, deterministic)" },
  { value: "embedded", label: "Embedded model (trained here)" },
  { value: "llm", label: "Language model (provider)" },
];

function newModel(kind: string, labels: readonly string[]): ModelRef {
  if (kind === "embedded") return { kind: "embedded", modelId: "" };
  if (kind === "llm") return { kind: "llm", providerId: "", model: "" };
  return { kind: "keyword", keywords: Object.fromEntries(labels.map((l) => [l, []])) };
}

/**
 * New labels for a model: keywords follow a label renamed in place, labels that are gone lose theirs, new
 * labels start with none (validation then asks for words).
 */
export function relabelModel(model: ModelRef, before: readonly string[], after: readonly string[]): ModelRef {
  if (model.kind !== "keyword") return model;
  const keywords: Record<string, string[]> = {};
  after.forEach((label, i) => {
    const renamedFrom = before[i] !== undefined && !after.includes(before[i]!) ? before[i] : undefined;
    keywords[label] = model.keywords[label] ?? (renamedFrom ? model.keywords[renamedFrom] : undefined) ?? [];
  });
  return { ...model, keywords };
}

/** Which model answers, shared by classify and assess; `prefix` is where the model sits in the config. */
export function ModelFields({
  model,
  labels,
  onChange,
  issues,
  prefix,
  context,
  nodeId,
}: {
  /** The node being edited (an LLM node calibrates per node). */
  nodeId?: string;
  model: ModelRef;
  labels: readonly string[];
  onChange(model: ModelRef, field?: string): void;
  issues: FieldIssues;
  prefix: string;
  context: EditorFormContext;
}) {
  const disabled = context.readOnly;
  return (
    <>
      <SelectField
        label="Model"
        value={model.kind}
        options={MODEL_KINDS}
        onChange={(kind) => onChange(newModel(kind, labels))}
        issues={issuesAt(issues, prefix)}
        disabled={disabled}
      />
      {model.kind === "keyword"
        ? labels.map((label) => (
            <StringListField
              key={label}
              label={`Words for ${label}`}
              values={model.keywords[label] ?? []}
              onChange={(words) => onChange({ ...model, keywords: { ...model.keywords, [label]: words } })}
              issues={issuesUnder(issues, `${prefix}.keywords.${label}`)}
              splitOnComma
              placeholder="Add words, comma-separated…"
              disabled={disabled}
            />
          ))
        : null}
      {model.kind === "embedded" ? (
        <TextField
          label="Model id"
          mono
          value={model.modelId}
          onChange={(modelId) => onChange({ ...model, modelId }, "modelId")}
          issues={issuesAt(issues, `${prefix}.modelId`)}
          hint="A model trained on this workflow's labelled items."
          disabled={disabled}
        />
      ) : null}
      {model.kind === "llm" ? (
        <LlmModelFields
          model={model}
          onChange={onChange}
          issues={issues}
          prefix={prefix}
          disabled={disabled}
          workflowId={context.workflowId}
          nodeId={nodeId}
        />
      ) : null}
    </>
  );
}

function ClassifyForm({ nodeId, config, onChange, issues, context }: ConfigFormProps<ClassifyConfig>) {
  const labels = Array.isArray(config.labels) ? config.labels : [];
  return (
    <>
      <FormSection title="Labels">
        <StringListField
          label="Labels"
          values={labels}
          onChange={(next) =>
            onChange({ ...config, labels: next, model: relabelModel(config.model, labels, next) })
          }
          itemIssues={(i) => issuesAt(issues, `labels.${i}`)}
          issues={issuesAt(issues, "labels")}
          hint="Each label is an output. Below the threshold the item takes Low confidence."
          disabled={context.readOnly}
        />
        <ThresholdField
          value={config.threshold}
          onChange={(threshold) => onChange({ ...config, threshold }, "threshold")}
          issues={issuesAt(issues, "threshold")}
          override={context.thresholdOverride}
          disabled={context.readOnly}
        />
      </FormSection>
      <FormSection title="Model">
        <ModelFields
          nodeId={nodeId}
          model={config.model}
          labels={labels}
          onChange={(model, field) => onChange({ ...config, model }, field && `model.${field}`)}
          issues={issues}
          prefix="model"
          context={context}
        />
        <ItemFieldSelect
          label="Reads"
          value={config.inputField}
          onChange={(inputField) => onChange({ ...config, inputField })}
          fields={context.itemFields}
          types={["string", "enum"]}
          defaultLabel={textFieldDefaultLabel(context.textField)}
          issues={issuesAt(issues, "inputField")}
          disabled={context.readOnly}
        />
      </FormSection>
    </>
  );
}

export const editor: NodeEditorModule<ClassifyConfig> = { icon: Tags, ConfigForm: ClassifyForm };
