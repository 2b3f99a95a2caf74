"use client";

import { Split } from "lucide-react";
import { TextAreaField } from "@/components/editor/form/fields";
import { issuesAt } from "@/components/editor/form/issues";
import type { ConfigFormProps, NodeEditorModule } from "@/components/editor/node-editor-types";
import type { ConditionConfig } from "./definition";

function ConditionForm({ config, onChange, issues, context }: ConfigFormProps<ConditionConfig>) {
  const insert = (text: string) =>
    onChange({ ...config, expression: config.expression === "true" ? text : `${config.expression} ${text}` });
  return (
    <>
      <TextAreaField
        label="Expression"
        mono
        rows={3}
        value={config.expression}
        onChange={(expression) => onChange({ ...config, expression }, "expression")}
        issues={issuesAt(issues, "expression")}
        placeholder='item.customer_tier == "enterprise"'
        hint="CEL: true takes the True output, false the False output."
        disabled={context.readOnly}
      />
      {context.itemFields.length > 0 && !context.readOnly ? (
        <div>
          <p className="mb-1 text-xs text-slate-500">Insert a field</p>
          <div className="flex flex-wrap gap-1">
            {context.itemFields.map((f) => (
              <button
                key={f.name}
                type="button"
                onClick={() => insert(`item.${f.name}`)}
                className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-700 hover:bg-accent-50 hover:text-accent-700"
              >
                item.{f.name}
              </button>
            ))}
          </div>
        </div>
      ) : null}
    </>
  );
}

export const editor: NodeEditorModule<ConditionConfig> = { icon: Split, ConfigForm: ConditionForm };
