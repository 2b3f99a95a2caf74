"use client";

import { MessageSquareReply } from "lucide-react";
import { TextAreaField, TextField } from "@/components/editor/form/fields";
import { issuesAt } from "@/components/editor/form/issues";
import type { ConfigFormProps, NodeEditorModule } from "@/components/editor/node-editor-types";
import type { ResolveConfig } from "./definition";

function ResolveForm({ config, onChange, issues, context }: ConfigFormProps<ResolveConfig>) {
  const placeholders = [
    ...context.itemFields.map((f) => `{{item.${f.name}}}`),
    ...context.nodeIds.slice(0, 6).map((id) => `{{nodes.${id}.…}}`),
  ];
  return (
    <>
      <TextAreaField
        label="Reply"
        rows={5}
        value={config.replyTemplate}
        onChange={(replyTemplate) => onChange({ ...config, replyTemplate }, "replyTemplate")}
        issues={issuesAt(issues, "replyTemplate")}
        hint={
          placeholders.length > 0
            ? `Placeholders: ${placeholders.join(" ")}`
            : "Use {{item.field}} and {{nodes.<id>.<key>}}."
        }
        disabled={context.readOnly}
      />
      <TextField
        label="Resolution code (optional)"
        value={config.resolution}
        onChange={(resolution) => onChange({ ...config, resolution: resolution || undefined }, "resolution")}
        issues={issuesAt(issues, "resolution")}
        placeholder="e.g. password-reset"
        disabled={context.readOnly}
      />
    </>
  );
}

export const editor: NodeEditorModule<ResolveConfig> = { icon: MessageSquareReply, ConfigForm: ResolveForm };
