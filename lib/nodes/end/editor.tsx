"use client";

import { CircleStop } from "lucide-react";
import { TextField } from "@/components/editor/form/fields";
import { issuesAt } from "@/components/editor/form/issues";
import type { ConfigFormProps, NodeEditorModule } from "@/components/editor/node-editor-types";
import type { EndConfig } from "./definition";

function EndForm({ config, onChange, issues, context }: ConfigFormProps<EndConfig>) {
  return (
    <TextField
      label="Note (optional)"
      value={config.note}
      onChange={(note) => onChange({ ...config, note: note || undefined }, "note")}
      issues={issuesAt(issues, "note")}
      placeholder="e.g. Spam, nothing to do"
      hint="Shown on the canvas and in run history."
      disabled={context.readOnly}
    />
  );
}

export const editor: NodeEditorModule<EndConfig> = { icon: CircleStop, ConfigForm: EndForm };
