"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { testCaseSchema, type TestCase } from "@/lib/engine/graph/test-case-schema";
import { CheckboxField, SelectField, TextAreaField, TextField } from "../form/fields";
import { WideDialog } from "../ui/wide-dialog";
import { useRefreshWorkflow } from "../use-workflow";

export type TestCaseDraft = Omit<TestCase, "id"> & { id?: string };

const TERMINALS = ["route", "resolve", "end", "escalate", "deferred", "error"].map((t) => ({
  value: t,
  label: t,
}));
const REASONS = [
  { value: "", label: "any" },
  ...["confidence", "rule", "volume", "connector", "manual"].map((r) => ({ value: r, label: r })),
];
const inputSchema = testCaseSchema.omit({ id: true });

function parseJsonObject(text: string, what: string): { value?: Record<string, unknown>; error?: string } {
  if (text.trim() === "") return { value: undefined };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value))
      return { error: `${what} must be a JSON object ({ … }).` };
    return { value: value as Record<string, unknown> };
  } catch (error) {
    return { error: `${what} is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Add or edit one spec test case: the item, what must happen to it, and whether it is an edge case. */
export function TestCaseDialog({
  workflowId,
  initial,
  terminalNodes,
  open,
  onOpenChange,
}: {
  workflowId: string;
  initial: TestCaseDraft;
  terminalNodes: readonly { id: string; label: string }[];
  open: boolean;
  onOpenChange(open: boolean): void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshWorkflow(workflowId);
  const [draft, setDraft] = useState(initial);
  const [itemText, setItemText] = useState(JSON.stringify(initial.item, null, 2));
  const [readsText, setReadsText] = useState(
    initial.recordedReads ? JSON.stringify(initial.recordedReads, null, 2) : "",
  );
  const [problems, setProblems] = useState<string[]>([]);
  const done = async (message: string) => {
    await refresh();
    toast.success(message);
    onOpenChange(false);
  };
  const add = useMutation(
    trpc.workflows.addTestCase.mutationOptions({ onSuccess: () => done(`Added “${draft.name}”`) }),
  );
  const update = useMutation(
    trpc.workflows.updateTestCase.mutationOptions({ onSuccess: () => done(`Saved “${draft.name}”`) }),
  );
  const expected = draft.expected;
  const setExpected = (patch: Partial<TestCase["expected"]>) =>
    setDraft({ ...draft, expected: { ...expected, ...patch } });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const item = parseJsonObject(itemText, "The item");
    const reads = parseJsonObject(readsText, "Recorded reads");
    const errors = [item.error, reads.error].filter((e): e is string => Boolean(e));
    const { id, ...rest } = draft;
    const candidate = { ...rest, item: item.value ?? {}, recordedReads: reads.value };
    const parsed = inputSchema.safeParse(candidate);
    if (!parsed.success)
      errors.push(...parsed.error.issues.map((i) => `${i.path.join(".") || "test case"}: ${i.message}`));
    setProblems(errors);
    if (errors.length > 0 || !parsed.success) return;
    if (id) update.mutate({ workflowId, testCase: { ...parsed.data, id } });
    else add.mutate({ workflowId, testCase: parsed.data });
  }

  return (
    <WideDialog
      open={open}
      onOpenChange={onOpenChange}
      title={draft.id ? "Edit test case" : "New test case"}
      description="An item and what the workflow must do with it. A failing case blocks publishing unless it is marked as a known failure."
    >
      <form onSubmit={onSubmit} className="space-y-4" aria-label="Test case">
        <TextField
          label="Name"
          value={draft.name}
          onChange={(name) => setDraft({ ...draft, name })}
          placeholder="e.g. A refund request goes to billing"
        />
        <TextAreaField
          label="Item (JSON)"
          mono
          rows={8}
          value={itemText}
          onChange={setItemText}
          hint="The fields the trigger declares."
        />
        <fieldset className="grid grid-cols-2 gap-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-xs font-semibold text-slate-600">Expected</legend>
          <SelectField
            label="Outcome"
            value={expected.terminalType}
            options={TERMINALS}
            onChange={(v) => setExpected({ terminalType: v as TestCase["expected"]["terminalType"] })}
          />
          <SelectField
            label="At node"
            value={expected.nodeId ?? ""}
            options={[
              { value: "", label: "any" },
              ...terminalNodes.map((n) => ({ value: n.id, label: n.label })),
            ]}
            onChange={(v) => setExpected({ nodeId: v || undefined })}
          />
          <TextField
            label="Team"
            value={expected.team}
            onChange={(v) => setExpected({ team: v || undefined })}
            placeholder="any"
          />
          <TextField
            label="Queue"
            value={expected.queue}
            onChange={(v) => setExpected({ queue: v || undefined })}
            placeholder="any"
          />
          <SelectField
            label="Escalation reason"
            value={expected.reasonType ?? ""}
            options={REASONS}
            onChange={(v) =>
              setExpected({ reasonType: (v || undefined) as TestCase["expected"]["reasonType"] })
            }
          />
        </fieldset>
        <div className="flex gap-6">
          <CheckboxField
            label="Known failure"
            hint="Reported, but does not block publishing."
            checked={draft.knownFailure === true}
            onChange={(v) => setDraft({ ...draft, knownFailure: v || undefined })}
          />
          <CheckboxField
            label="Edge case"
            hint="Listed on the workflow map with its notes."
            checked={draft.edgeCase === true}
            onChange={(v) => setDraft({ ...draft, edgeCase: v || undefined })}
          />
        </div>
        <TextAreaField
          label="Notes"
          rows={2}
          value={draft.notes}
          onChange={(notes) => setDraft({ ...draft, notes: notes || undefined })}
        />
        <TextAreaField
          label="Recorded connector reads (JSON, optional)"
          mono
          rows={3}
          value={readsText}
          onChange={setReadsText}
          hint='What reads answer in this case, e.g. { "crm.get_customer": { "status": "ok", "data": { "vip": true } } }'
        />
        {problems.length > 0 ? (
          <ul
            role="alert"
            className="space-y-0.5 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800"
          >
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={add.isPending || update.isPending}>
            {draft.id ? "Save test case" : "Add test case"}
          </Button>
        </div>
      </form>
    </WideDialog>
  );
}
