"use client";

import { ShieldAlert } from "lucide-react";
import { CheckboxField, SelectField, TextField } from "@/components/editor/form/fields";
import { ItemFieldSelect, textFieldDefaultLabel } from "@/components/editor/form/item-field-select";
import { issuesAt } from "@/components/editor/form/issues";
import { ObjectList } from "@/components/editor/form/object-list";
import { StringListField } from "@/components/editor/form/string-list-field";
import type {
  ConfigFormProps,
  EditorFormContext,
  FieldIssues,
  NodeEditorModule,
} from "@/components/editor/node-editor-types";
import type { ItemFieldInfo } from "../../engine/node-definition";
import type { Rule, RuleConfig } from "./rule-config";

const KINDS = [
  { value: "keywords", label: "Keywords" },
  { value: "regex", label: "Pattern (regex)" },
  { value: "field", label: "Field value" },
];

type Scalar = string | number | boolean;

/** Typed input for a field rule: numbers stay numbers and booleans booleans, so they compare equal. */
function coerce(text: string, field: ItemFieldInfo | undefined): Scalar {
  if (field?.type === "number" && text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
  if (field?.type === "boolean" && (text === "true" || text === "false")) return text === "true";
  return text;
}

export function newRule(kind: Rule["kind"], id: string): Rule {
  if (kind === "regex") return { kind, id, pattern: "", caseInsensitive: true };
  if (kind === "field") return { kind, id, field: "", equals: "" };
  return { kind: "keywords", id, words: [] };
}

/** One rule's fields; shared with the assess node's rule list. `prefix` is the rule's path in the config. */
export function RuleFields({
  rule,
  onChange,
  issues,
  prefix,
  context,
}: {
  rule: Rule;
  onChange(rule: Rule): void;
  issues: FieldIssues;
  prefix: string;
  context: EditorFormContext;
}) {
  const disabled = context.readOnly;
  const at = (key: string) => issuesAt(issues, `${prefix}.${key}`);
  const fieldInfo = rule.kind === "field" ? context.itemFields.find((f) => f.name === rule.field) : undefined;
  return (
    <>
      <div className="grid grid-cols-2 gap-2">
        <SelectField
          label="Kind"
          value={rule.kind}
          options={KINDS}
          disabled={disabled}
          onChange={(kind) => onChange({ ...newRule(kind as Rule["kind"], rule.id), name: rule.name })}
        />
        <TextField
          label="Id"
          mono
          value={rule.id}
          onChange={(id) => onChange({ ...rule, id })}
          issues={at("id")}
          disabled={disabled}
        />
      </div>
      <TextField
        label="Name (optional)"
        value={rule.name}
        onChange={(name) => onChange({ ...rule, name: name || undefined })}
        disabled={disabled}
      />
      {rule.kind === "keywords" ? (
        <>
          <StringListField
            label="Words"
            values={rule.words ?? []}
            onChange={(words) => onChange({ ...rule, words })}
            itemIssues={(i) => at(`words.${i}`)}
            issues={at("words")}
            splitOnComma
            hint="Whole words or phrases, any case; a trailing * matches any ending (refund*)."
            disabled={disabled}
          />
          <ItemFieldSelect
            label="Searches"
            value={rule.field}
            onChange={(field) => onChange({ ...rule, field })}
            fields={context.itemFields}
            types={["string"]}
            defaultLabel={textFieldDefaultLabel(context.textField)}
            disabled={disabled}
          />
        </>
      ) : null}
      {rule.kind === "regex" ? (
        <>
          <TextField
            label="Pattern"
            mono
            value={rule.pattern}
            onChange={(pattern) => onChange({ ...rule, pattern })}
            issues={at("pattern")}
            hint="RE2 syntax: no look-around or back-references."
            disabled={disabled}
          />
          <CheckboxField
            label="Ignore case"
            checked={rule.caseInsensitive !== false}
            onChange={(caseInsensitive) => onChange({ ...rule, caseInsensitive })}
            disabled={disabled}
          />
          <ItemFieldSelect
            label="Searches"
            value={rule.field}
            onChange={(field) => onChange({ ...rule, field })}
            fields={context.itemFields}
            types={["string"]}
            defaultLabel={textFieldDefaultLabel(context.textField)}
            disabled={disabled}
          />
        </>
      ) : null}
      {rule.kind === "field" ? (
        <>
          <ItemFieldSelect
            label="Field"
            value={rule.field || undefined}
            onChange={(field) => onChange({ ...rule, field: field ?? "" })}
            fields={context.itemFields}
            defaultLabel="Choose a field"
            issues={at("field")}
            disabled={disabled}
          />
          <SelectField
            label="Matches when it"
            value={rule.in !== undefined ? "in" : "equals"}
            options={[
              { value: "equals", label: "equals" },
              { value: "in", label: "is one of" },
            ]}
            disabled={disabled}
            onChange={(mode) =>
              onChange(
                mode === "in"
                  ? { ...rule, equals: undefined, in: rule.equals !== undefined ? [rule.equals] : [] }
                  : { ...rule, in: undefined, equals: rule.in?.[0] ?? "" },
              )
            }
          />
          {rule.in !== undefined ? (
            <StringListField
              label="Values"
              values={rule.in.map(String)}
              onChange={(values) => onChange({ ...rule, in: values.map((v) => coerce(v, fieldInfo)) })}
              issues={at("in")}
              splitOnComma
              disabled={disabled}
            />
          ) : (
            <TextField
              label="Value"
              value={rule.equals === undefined ? "" : String(rule.equals)}
              onChange={(v) => onChange({ ...rule, equals: coerce(v, fieldInfo) })}
              issues={at("equals")}
              disabled={disabled}
            />
          )}
        </>
      ) : null}
    </>
  );
}

function RuleForm({ config, onChange, issues, context }: ConfigFormProps<RuleConfig>) {
  const rules = Array.isArray(config.rules) ? config.rules : [];
  return (
    <>
      <p className="text-xs text-slate-500">
        Tried in order; the first match takes Matched, which means a person must look.
      </p>
      <ObjectList
        label="Rule"
        items={rules}
        onChange={(next) => onChange({ ...config, rules: next }, "rules")}
        create={() => newRule("keywords", `rule_${rules.length + 1}`)}
        itemTitle={(r, i) => r.name || r.id || `Rule ${i + 1}`}
        issues={issuesAt(issues, "rules")}
        disabled={context.readOnly}
        render={(rule, i, update) => (
          <RuleFields rule={rule} onChange={update} issues={issues} prefix={`rules.${i}`} context={context} />
        )}
      />
    </>
  );
}

export const editor: NodeEditorModule<RuleConfig> = { icon: ShieldAlert, ConfigForm: RuleForm };
