"use client";

import { UserRound } from "lucide-react";
import { SelectField, TextField } from "@/components/editor/form/fields";
import { issuesAt } from "@/components/editor/form/issues";
import type { ConfigFormProps, NodeEditorModule } from "@/components/editor/node-editor-types";
import type { EscalateConfig } from "./definition";

const REASONS = [
  { value: "", label: "From the path taken (recommended)" },
  { value: "confidence", label: "Confidence: a model was not sure enough" },
  { value: "rule", label: "Rule: a pattern says a person must look" },
  { value: "volume", label: "Volume" },
  { value: "connector", label: "Connector: a system could not answer" },
  { value: "manual", label: "Manual" },
];

function EscalateForm({ config, onChange, issues, context }: ConfigFormProps<EscalateConfig>) {
  return (
    <>
      <TextField
        label="Review queue"
        value={config.queue}
        onChange={(queue) => onChange({ ...config, queue }, "queue")}
        issues={issuesAt(issues, "queue")}
        placeholder="review"
        disabled={context.readOnly}
      />
      <SelectField
        label="Reason"
        value={config.reasonType ?? ""}
        options={REASONS}
        onChange={(v) =>
          onChange({ ...config, reasonType: (v || undefined) as EscalateConfig["reasonType"] })
        }
        issues={issuesAt(issues, "reasonType")}
        disabled={context.readOnly}
      />
      <TextField
        label="Note for the reviewer (optional)"
        value={config.note}
        onChange={(note) => onChange({ ...config, note: note || undefined }, "note")}
        issues={issuesAt(issues, "note")}
        disabled={context.readOnly}
      />
    </>
  );
}

export const editor: NodeEditorModule<EscalateConfig> = { icon: UserRound, ConfigForm: EscalateForm };
