"use client";

import { Send } from "lucide-react";
import { TextField } from "@/components/editor/form/fields";
import { issuesAt } from "@/components/editor/form/issues";
import type { ConfigFormProps, NodeEditorModule } from "@/components/editor/node-editor-types";
import type { RouteConfig } from "./definition";

function RouteForm({ config, onChange, issues, context }: ConfigFormProps<RouteConfig>) {
  return (
    <>
      <TextField
        label="Team"
        value={config.team}
        onChange={(team) => onChange({ ...config, team }, "team")}
        issues={issuesAt(issues, "team")}
        placeholder="e.g. billing"
        disabled={context.readOnly}
      />
      <TextField
        label="Queue (optional)"
        value={config.queue}
        onChange={(queue) => onChange({ ...config, queue: queue || undefined }, "queue")}
        issues={issuesAt(issues, "queue")}
        hint="One of the team's queues, when it has several."
        disabled={context.readOnly}
      />
    </>
  );
}

export const editor: NodeEditorModule<RouteConfig> = { icon: Send, ConfigForm: RouteForm };
