import { Trash } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { HTTP_METHODS } from "@/server/integrations/connector-schema";
import type { OperationDraft } from "./connector-draft";
import { Choice, Field, Select, Textarea } from "./form-fields";
import { TestConnectionDialog } from "./test-connection-dialog";

export function OperationCard({
  operation,
  onChange,
  onRemove,
  testable,
}: {
  operation: OperationDraft;
  onChange: (operation: OperationDraft) => void;
  onRemove: () => void;
  /** Set when the connector is saved and this operation is unchanged since, so a test runs what is stored. */
  testable: { connectorId: string } | null;
}) {
  const set = (patch: Partial<OperationDraft>) => onChange({ ...operation, ...patch });
  const title = operation.name || "New operation";

  return (
    <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">{title}</legend>
      <div className="grid gap-4 md:grid-cols-[2fr_1fr_3fr]">
        <Field label="Operation name" hint="lower_snake_case, e.g. get_customer">
          {(props) => (
            <Input
              {...props}
              value={operation.name}
              onChange={(event) => set({ name: event.target.value })}
            />
          )}
        </Field>
        <Field label="Method">
          {(props) => (
            <Select
              {...props}
              value={operation.method}
              onChange={(event) => set({ method: event.target.value as OperationDraft["method"] })}
            >
              {HTTP_METHODS.map((method) => (
                <option key={method}>{method}</option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          label="Path"
          hint="Added to the base URL. {{input.x}} is replaced by the node's input x, URL-encoded."
        >
          {(props) => (
            <Input
              {...props}
              className="font-mono"
              value={operation.path}
              onChange={(event) => set({ path: event.target.value })}
            />
          )}
        </Field>
      </div>
      <Field label="What it does">
        {(props) => (
          <Input
            {...props}
            value={operation.description}
            onChange={(event) => set({ description: event.target.value })}
          />
        )}
      </Field>
      <Choice
        legend="Does it change anything in the system?"
        name={`kind-${operation.key}`}
        value={operation.kind}
        hint="Writes are never called in backtest or shadow mode."
        options={[
          { value: "read", label: "No, it only reads" },
          { value: "write", label: "Yes, it writes" },
        ]}
        onChange={(kind) => set({ kind })}
      />
      <div className="grid gap-4 md:grid-cols-3">
        {operation.method === "GET" ? null : (
          <Field label="Request body template (JSON)" hint='e.g. { "text": "{{input.text}}" }'>
            {(props) => (
              <Textarea
                {...props}
                value={operation.bodyTemplate}
                onChange={(event) => set({ bodyTemplate: event.target.value })}
              />
            )}
          </Field>
        )}
        <Field
          label="Response mapping"
          hint="One output field per line: field = path.in.response, e.g. email = customer.email"
        >
          {(props) => (
            <Textarea
              {...props}
              value={operation.responseMapping}
              onChange={(event) => set({ responseMapping: event.target.value })}
            />
          )}
        </Field>
        <Field label="Sample input (JSON)" hint="What Test connection sends.">
          {(props) => (
            <Textarea
              {...props}
              value={operation.sampleInput}
              onChange={(event) => set({ sampleInput: event.target.value })}
            />
          )}
        </Field>
      </div>
      <div className="flex items-center justify-between gap-3">
        {testable ? (
          <TestConnectionDialog
            connectorId={testable.connectorId}
            operation={operation.name}
            kind={operation.kind}
            sampleInput={operation.sampleInput}
          />
        ) : (
          <p className="text-xs text-slate-500">Save the connector to test this operation.</p>
        )}
        <Button
          type="button"
          variant="ghost"
          size="sm"
          onClick={onRemove}
          aria-label={`Remove operation ${title}`}
        >
          <Trash className="h-4 w-4" aria-hidden /> Remove
        </Button>
      </div>
    </fieldset>
  );
}
