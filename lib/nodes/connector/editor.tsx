"use client";

import { Plug, Plus, X } from "lucide-react";
import { SelectField, TextField } from "@/components/editor/form/fields";
import { issuesAt, issuesUnder } from "@/components/editor/form/issues";
import type { ConfigFormProps, NodeEditorModule } from "@/components/editor/node-editor-types";
import type { ConnectorConfig } from "./definition";

const ON_UNAVAILABLE = [
  { value: "escalate", label: "Hand the item to a person" },
  { value: "fallback", label: "Take the Unavailable output" },
  { value: "retry_later", label: "Retry the item later" },
];

function ConnectorForm({ config, onChange, issues, context }: ConfigFormProps<ConnectorConfig>) {
  const disabled = context.readOnly;
  const input = Object.entries(config.input ?? {});
  const setInput = (entries: [string, string][]) =>
    onChange({ ...config, input: Object.fromEntries(entries) }, "input");
  const known = context.connectors && context.connectors.length > 0 ? context.connectors : undefined;
  const connector = known?.find((c) => c.id === config.connectorId);
  const operation = connector?.operations.find((o) => o.name === config.operation);
  const missingParams = operation?.inputs.filter((p) => !(p in (config.input ?? {}))) ?? [];

  return (
    <>
      {known ? (
        <>
          <SelectField
            label="Connector"
            value={config.connectorId}
            options={known.map((c) => ({
              value: c.id,
              label: `${c.name}${c.complete ? "" : " (profile incomplete)"}`,
            }))}
            onChange={(connectorId) => {
              const first = known.find((c) => c.id === connectorId)?.operations[0];
              onChange({
                ...config,
                connectorId,
                operation: first?.name ?? config.operation,
                kind: first?.kind ?? config.kind,
              });
            }}
            issues={issuesAt(issues, "connectorId")}
            hint={
              connector && !connector.complete
                ? `Its integration profile is incomplete: ${connector.missing.join(", ")}. An admin completes it before the workflow may use it.`
                : undefined
            }
            disabled={disabled}
          />
          <SelectField
            label="Operation"
            value={config.operation}
            options={(connector?.operations ?? []).map((o) => ({
              value: o.name,
              label: `${o.name} (${o.kind})`,
            }))}
            onChange={(name) => {
              const op = connector?.operations.find((o) => o.name === name);
              onChange({ ...config, operation: name, kind: op?.kind ?? config.kind });
            }}
            issues={issuesAt(issues, "operation")}
            hint={operation?.description}
            disabled={disabled}
          />
        </>
      ) : (
        <div className="grid grid-cols-2 gap-2">
          <TextField
            label="Connector"
            mono
            value={config.connectorId}
            onChange={(connectorId) => onChange({ ...config, connectorId }, "connectorId")}
            issues={issuesAt(issues, "connectorId")}
            placeholder="crm"
            disabled={disabled}
          />
          <TextField
            label="Operation"
            mono
            value={config.operation}
            onChange={(op) => onChange({ ...config, operation: op }, "operation")}
            issues={issuesAt(issues, "operation")}
            placeholder="get_customer"
            disabled={disabled}
          />
        </div>
      )}
      <SelectField
        label="Kind"
        value={config.kind}
        options={[
          { value: "read", label: "Read (answered from recordings in backtests)" },
          { value: "write", label: "Write (recorded, never sent, in backtest and shadow)" },
        ]}
        onChange={(kind) => onChange({ ...config, kind: kind as ConnectorConfig["kind"] })}
        disabled={disabled || Boolean(operation)}
      />
      <SelectField
        label="When the system is unavailable"
        value={config.onUnavailable ?? "escalate"}
        options={ON_UNAVAILABLE}
        onChange={(v) => onChange({ ...config, onUnavailable: v as ConnectorConfig["onUnavailable"] })}
        issues={issuesAt(issues, "onUnavailable")}
        disabled={disabled}
      />
      <div className="space-y-1.5">
        <div className="text-xs font-medium text-slate-700">Inputs</div>
        {input.length === 0 ? (
          <p className="text-xs text-slate-500">
            Map each parameter to an expression, e.g. email ← item.customer_email.
          </p>
        ) : null}
        <ul className="space-y-1">
          {input.map(([param, expression], i) => (
            <li key={i} className="flex items-center gap-1">
              <input
                aria-label={`Parameter ${i + 1}`}
                value={param}
                disabled={disabled}
                onChange={(e) =>
                  setInput(input.map((entry, j) => (j === i ? [e.target.value, entry[1]] : entry)))
                }
                className="h-7 w-24 rounded-md border border-slate-300 px-2 font-mono text-xs"
              />
              <span className="text-xs text-slate-400" aria-hidden>
                ←
              </span>
              <input
                aria-label={`Expression for ${param || `parameter ${i + 1}`}`}
                value={expression}
                disabled={disabled}
                onChange={(e) =>
                  setInput(input.map((entry, j) => (j === i ? [entry[0], e.target.value] : entry)))
                }
                className="h-7 min-w-0 flex-1 rounded-md border border-slate-300 px-2 font-mono text-xs"
              />
              {!disabled ? (
                <button
                  type="button"
                  aria-label={`Remove ${param || "input"}`}
                  onClick={() => setInput(input.filter((_, j) => j !== i))}
                  className="flex h-7 w-7 items-center justify-center rounded-md text-slate-500 hover:bg-red-50 hover:text-red-700"
                >
                  <X className="h-3.5 w-3.5" aria-hidden />
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        {issuesUnder(issues, "input").length > 0 ? (
          <p className="text-xs text-red-700">{issuesUnder(issues, "input").join("; ")}</p>
        ) : null}
        {!disabled ? (
          <div className="flex flex-wrap gap-1">
            {missingParams.length > 0 ? (
              <button
                type="button"
                onClick={() =>
                  setInput([
                    ...input,
                    ...missingParams.map((p): [string, string] => [
                      p,
                      context.itemFields.some((f) => f.name === p) ? `item.${p}` : "",
                    ]),
                  ])
                }
                className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-accent-700 hover:bg-accent-50"
              >
                <Plus className="h-3.5 w-3.5" aria-hidden /> Add {missingParams.join(", ")}
              </button>
            ) : null}
            <button
              type="button"
              onClick={() =>
                setInput([
                  ...input,
                  [
                    input.some(([p]) => p === "param") ? `param_${input.length + 1}` : "param",
                    context.itemFields[0] ? `item.${context.itemFields[0].name}` : "",
                  ],
                ])
              }
              className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-accent-700 hover:bg-accent-50"
            >
              <Plus className="h-3.5 w-3.5" aria-hidden /> Add input
            </button>
          </div>
        ) : null}
      </div>
    </>
  );
}

export const editor: NodeEditorModule<ConnectorConfig> = { icon: Plug, ConfigForm: ConnectorForm };
