"use client";

import { Inbox } from "lucide-react";
import { CheckboxField, FormSection, SelectField, TextField } from "@/components/editor/form/fields";
import { issuesAt } from "@/components/editor/form/issues";
import { ObjectList } from "@/components/editor/form/object-list";
import { StringListField } from "@/components/editor/form/string-list-field";
import type { ConfigFormProps, NodeEditorModule } from "@/components/editor/node-editor-types";
import type { ItemField } from "./item-fields";
import type { TriggerConfig } from "./definition";

const TYPES = ["string", "number", "boolean", "date", "enum"].map((t) => ({ value: t, label: t }));

function TriggerForm({ config, onChange, issues, context }: ConfigFormProps<TriggerConfig>) {
  const disabled = context.readOnly;
  const fields: ItemField[] = Array.isArray(config.fields) ? config.fields : [];
  const options = (types: string[]) =>
    fields.filter((f) => types.includes(f.type)).map((f) => ({ value: f.name, label: f.name }));
  return (
    <>
      <FormSection title="Roles">
        <SelectField
          label="Text field (what models and rules read)"
          value={config.textField}
          options={options(["string"])}
          onChange={(textField) => onChange({ ...config, textField })}
          issues={issuesAt(issues, "textField")}
          disabled={disabled}
        />
        <div className="grid grid-cols-2 gap-2">
          <SelectField
            label="Id field"
            value={config.idField}
            options={options(["string", "number"])}
            onChange={(idField) => onChange({ ...config, idField })}
            issues={issuesAt(issues, "idField")}
            disabled={disabled}
          />
          <SelectField
            label="Time field"
            value={config.occurredAtField}
            options={options(["date"])}
            onChange={(occurredAtField) => onChange({ ...config, occurredAtField })}
            issues={issuesAt(issues, "occurredAtField")}
            disabled={disabled}
          />
        </div>
      </FormSection>
      <FormSection title={`Item fields (${fields.length})`}>
        <ObjectList
          label="Field"
          items={fields}
          onChange={(next) => onChange({ ...config, fields: next }, "fields")}
          create={(): ItemField => ({ name: `field_${fields.length + 1}`, type: "string", required: false })}
          itemTitle={(f, i) => f.name || `Field ${i + 1}`}
          issues={issuesAt(issues, "fields")}
          disabled={disabled}
          render={(field, i, update) => (
            <>
              <div className="grid grid-cols-2 gap-2">
                <TextField
                  label="Field name"
                  mono
                  value={field.name}
                  onChange={(name) => update({ ...field, name })}
                  issues={issuesAt(issues, `fields.${i}.name`)}
                  disabled={disabled}
                />
                <SelectField
                  label="Type"
                  value={field.type}
                  options={TYPES}
                  onChange={(type) =>
                    update({
                      ...field,
                      type: type as ItemField["type"],
                      values: type === "enum" ? (field.values ?? []) : undefined,
                    })
                  }
                  disabled={disabled}
                />
              </div>
              {field.type === "enum" ? (
                <StringListField
                  label="Values"
                  values={field.values ?? []}
                  onChange={(values) => update({ ...field, values })}
                  issues={issuesAt(issues, `fields.${i}.values`)}
                  splitOnComma
                  disabled={disabled}
                />
              ) : null}
              <CheckboxField
                label="Required"
                checked={field.required !== false}
                onChange={(required) => update({ ...field, required })}
                disabled={disabled}
              />
            </>
          )}
        />
      </FormSection>
    </>
  );
}

export const editor: NodeEditorModule<TriggerConfig> = { icon: Inbox, ConfigForm: TriggerForm };
