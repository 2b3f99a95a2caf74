"use client";

import { BookOpen } from "lucide-react";
import { FormSection, SelectField, TextAreaField, TextField } from "@/components/editor/form/fields";
import { EmbeddingFields } from "@/components/editor/form/embedding-fields";
import { ItemFieldSelect, textFieldDefaultLabel } from "@/components/editor/form/item-field-select";
import { issuesAt } from "@/components/editor/form/issues";
import { ObjectList } from "@/components/editor/form/object-list";
import { ThresholdField } from "@/components/editor/form/threshold-field";
import type { ConfigFormProps, NodeEditorModule } from "@/components/editor/node-editor-types";
import type { MatchConfig } from "./definition";

function MatchForm({ config, onChange, issues, context }: ConfigFormProps<MatchConfig>) {
  const entries = Array.isArray(config.entries) ? config.entries : [];
  const disabled = context.readOnly;
  const source = config.source ?? "inline";
  return (
    <>
      <SelectField
        label="Matches against"
        value={source}
        options={[
          { value: "inline", label: "The entries below (TF-IDF)" },
          { value: "knowledge_base", label: "The workflow's knowledge base (BM25 or embeddings)" },
        ]}
        onChange={(next) => onChange({ ...config, source: next as MatchConfig["source"] }, "source")}
        issues={issuesAt(issues, "source")}
        disabled={disabled}
      />
      {source === "knowledge_base" ? (
        <EmbeddingFields
          value={config.embedding}
          onChange={(embedding) => onChange({ ...config, embedding }, "embedding")}
          issues={issuesAt(issues, "embedding")}
          disabled={disabled}
        />
      ) : null}
      {source === "knowledge_base" && context.workflowId ? (
        <a
          href={`/workflows/${context.workflowId}/knowledge`}
          target="_blank"
          rel="noreferrer"
          className="text-xs font-medium text-accent-700 underline underline-offset-2"
        >
          Manage the knowledge base (opens in a new tab)
        </a>
      ) : null}
      <ThresholdField
        label="Similarity threshold"
        value={config.threshold}
        onChange={(threshold) => onChange({ ...config, threshold }, "threshold")}
        issues={issuesAt(issues, "threshold")}
        override={context.thresholdOverride}
        hint="The closest entry counts as a match at or above this score."
        disabled={disabled}
      />
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
      {source === "inline" ? (
        <FormSection title={`Known resolutions (${entries.length})`}>
          <ObjectList
            label="Entry"
            items={entries}
            onChange={(next) => onChange({ ...config, entries: next }, "entries")}
            create={() => ({ id: `entry-${entries.length + 1}`, title: "", text: "", reply: "" })}
            itemTitle={(e, i) => e.title || e.id || `Entry ${i + 1}`}
            issues={issuesAt(issues, "entries")}
            disabled={disabled}
            render={(entry, i, update) => (
              <>
                <div className="grid grid-cols-2 gap-2">
                  <TextField
                    label="Id"
                    mono
                    value={entry.id}
                    onChange={(id) => update({ ...entry, id })}
                    issues={issuesAt(issues, `entries.${i}.id`)}
                    disabled={disabled}
                  />
                  <TextField
                    label="Title"
                    value={entry.title}
                    onChange={(title) => update({ ...entry, title })}
                    issues={issuesAt(issues, `entries.${i}.title`)}
                    disabled={disabled}
                  />
                </div>
                <TextAreaField
                  label="What it looks like"
                  rows={2}
                  value={entry.text}
                  onChange={(text) => update({ ...entry, text })}
                  issues={issuesAt(issues, `entries.${i}.text`)}
                  hint="In the customer's words: this is what is matched."
                  disabled={disabled}
                />
                <TextAreaField
                  label="Reply"
                  rows={2}
                  value={entry.reply}
                  onChange={(reply) => update({ ...entry, reply })}
                  issues={issuesAt(issues, `entries.${i}.reply`)}
                  disabled={disabled}
                />
              </>
            )}
          />
        </FormSection>
      ) : null}
    </>
  );
}

export const editor: NodeEditorModule<MatchConfig> = { icon: BookOpen, ConfigForm: MatchForm };
