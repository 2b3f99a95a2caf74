"use client";

import { Gauge } from "lucide-react";
import { FormSection, NumberField, SelectField } from "@/components/editor/form/fields";
import { ItemFieldSelect, textFieldDefaultLabel } from "@/components/editor/form/item-field-select";
import { issuesAt } from "@/components/editor/form/issues";
import { ObjectList } from "@/components/editor/form/object-list";
import { StringListField } from "@/components/editor/form/string-list-field";
import { ThresholdField } from "@/components/editor/form/threshold-field";
import type { ConfigFormProps, NodeEditorModule } from "@/components/editor/node-editor-types";
import { ModelFields, relabelModel } from "../classify/editor";
import { newRule, RuleFields } from "../rule/editor";
import type { AssessConfig } from "./definition";

type Source = AssessConfig["source"];
type RulesSource = Extract<Source, { kind: "rules" }>;

function AssessForm({ nodeId, config, onChange, issues, context }: ConfigFormProps<AssessConfig>) {
  const levels = Array.isArray(config.levels) ? config.levels : [];
  const levelOptions = levels.map((l) => ({ value: l, label: l }));
  const disabled = context.readOnly;
  const source = config.source;
  const setSource = (next: Source, field?: string) => onChange({ ...config, source: next }, field);
  return (
    <>
      <FormSection title="Levels">
        <StringListField
          label="Levels"
          values={levels}
          onChange={(next) =>
            onChange({
              ...config,
              levels: next,
              source:
                source.kind === "model"
                  ? { ...source, model: relabelModel(source.model, levels, next) }
                  : source,
            })
          }
          itemIssues={(i) => issuesAt(issues, `levels.${i}`)}
          issues={issuesAt(issues, "levels")}
          hint="From least to most; each level is an output."
          disabled={disabled}
        />
        <ThresholdField
          value={config.threshold}
          onChange={(threshold) => onChange({ ...config, threshold }, "threshold")}
          issues={issuesAt(issues, "threshold")}
          override={context.thresholdOverride}
          disabled={disabled}
        />
      </FormSection>
      <FormSection title="Scored by">
        <SelectField
          label="Source"
          value={source.kind}
          options={[
            { value: "rules", label: "Ordered rules" },
            { value: "model", label: "A model" },
          ]}
          onChange={(kind) =>
            setSource(
              kind === "model"
                ? {
                    kind: "model",
                    model: { kind: "keyword", keywords: Object.fromEntries(levels.map((l) => [l, []])) },
                  }
                : { kind: "rules", rules: [], fallback: { level: levels[0] ?? "", confidence: 1 } },
            )
          }
          disabled={disabled}
        />
        {source.kind === "rules" ? (
          <RulesSourceFields
            source={source}
            levelOptions={levelOptions}
            onChange={setSource}
            issues={issues}
            context={context}
          />
        ) : (
          <ModelFields
            nodeId={nodeId}
            model={source.model}
            labels={levels}
            onChange={(model, field) => setSource({ ...source, model }, field && `model.${field}`)}
            issues={issues}
            prefix="source.model"
            context={context}
          />
        )}
        <ItemFieldSelect
          label="Reads"
          value={config.inputField}
          onChange={(inputField) => onChange({ ...config, inputField })}
          fields={context.itemFields}
          types={["string", "enum"]}
          defaultLabel={textFieldDefaultLabel(context.textField)}
          issues={issuesAt(issues, "inputField")}
          disabled={disabled}
        />
      </FormSection>
    </>
  );
}

function RulesSourceFields({
  source,
  levelOptions,
  onChange,
  issues,
  context,
}: {
  source: RulesSource;
  levelOptions: { value: string; label: string }[];
  onChange(source: RulesSource, field?: string): void;
  issues: ConfigFormProps<AssessConfig>["issues"];
  context: ConfigFormProps<AssessConfig>["context"];
}) {
  const rules = Array.isArray(source.rules) ? source.rules : [];
  return (
    <>
      <ObjectList
        label="Rule"
        items={rules}
        onChange={(next) => onChange({ ...source, rules: next })}
        create={() => ({
          level: levelOptions.at(-1)?.value ?? "",
          confidence: 1,
          match: newRule("keywords", `rule_${rules.length + 1}`),
        })}
        itemTitle={(r, i) => `${r.match?.name || r.match?.id || `Rule ${i + 1}`} → ${r.level}`}
        disabled={context.readOnly}
        render={(rule, i, update) => (
          <>
            <div className="grid grid-cols-2 gap-2">
              <SelectField
                label="Sets level"
                value={rule.level}
                options={levelOptions}
                onChange={(level) => update({ ...rule, level })}
                issues={issuesAt(issues, `source.rules.${i}.level`)}
                disabled={context.readOnly}
              />
              <NumberField
                label="Confidence"
                value={rule.confidence}
                min={0}
                max={1}
                onChange={(confidence) => update({ ...rule, confidence })}
                issues={issuesAt(issues, `source.rules.${i}.confidence`)}
                disabled={context.readOnly}
              />
            </div>
            <RuleFields
              rule={rule.match}
              onChange={(match) => update({ ...rule, match })}
              issues={issues}
              prefix={`source.rules.${i}.match`}
              context={context}
            />
          </>
        )}
      />
      <div className="grid grid-cols-2 gap-2">
        <SelectField
          label="When no rule matches"
          value={source.fallback?.level}
          options={levelOptions}
          onChange={(level) => onChange({ ...source, fallback: { ...source.fallback, level } })}
          issues={issuesAt(issues, "source.fallback.level")}
          disabled={context.readOnly}
        />
        <NumberField
          label="with confidence"
          value={source.fallback?.confidence}
          min={0}
          max={1}
          onChange={(confidence) =>
            onChange({ ...source, fallback: { ...source.fallback, confidence } }, "fallback.confidence")
          }
          issues={issuesAt(issues, "source.fallback.confidence")}
          disabled={context.readOnly}
        />
      </div>
    </>
  );
}

export const editor: NodeEditorModule<AssessConfig> = { icon: Gauge, ConfigForm: AssessForm };
