"use client";

import { useMutation } from "@tanstack/react-query";
import { CheckCircle2, FlaskConical, Pencil, Play, Plus, Trash2, XCircle } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { EmptyState, ErrorState } from "@/components/ui/states";
import type { TestCase } from "@/lib/engine/graph/test-case-schema";
import { nodeRegistry } from "@/lib/nodes/registry";
import { useEditorStores, useGraph, useSession } from "../store/editor-provider";
import { sampleItem } from "../sample-item";
import { useRefreshWorkflow, useWorkflowQuery } from "../use-workflow";
import { TestCaseDialog, type TestCaseDraft } from "./test-case-dialog";

function expectedText(c: TestCase): string {
  const e = c.expected;
  return [
    e.terminalType,
    e.nodeId && `at ${e.nodeId}`,
    e.team && `team ${e.team}`,
    e.queue && `queue ${e.queue}`,
    e.reasonType && `(${e.reasonType})`,
  ]
    .filter(Boolean)
    .join(" · ");
}

/**
 * The workflow's spec: items and what must happen to each; run them all against the canvas as it is now,
 * unsaved edits included (publishing checks the saved version on the server).
 */
export function TestCasesTab({
  workflowId,
  dirty,
  onTryCase,
}: {
  workflowId: string;
  dirty: boolean;
  onTryCase(item: Record<string, unknown>): void;
}) {
  const trpc = useTRPC();
  const workflow = useWorkflowQuery(workflowId);
  const refresh = useRefreshWorkflow(workflowId);
  const baseVersion = useSession((s) => s.baseVersion);
  const { graph } = useEditorStores();
  const runs = useMutation(trpc.workflows.runDraftTests.mutationOptions());
  const docId = useGraph((s) => s.docId);
  // The canvas state each run was made on, to say when the results no longer match the canvas.
  const [ranOn, setRanOn] = useState<{ docId: number; dirty: boolean; version: number } | null>(null);
  const runAll = () => {
    const { toGraph, docId: current } = graph.getState();
    runs.mutate(
      { workflowId, graph: toGraph() },
      { onSuccess: () => setRanOn({ docId: current, dirty, version: baseVersion }) },
    );
  };
  const remove = useMutation(trpc.workflows.deleteTestCase.mutationOptions({ onSuccess: () => refresh() }));
  const [editing, setEditing] = useState<TestCaseDraft | null>(null);
  const [deleting, setDeleting] = useState<TestCase | null>(null);
  const terminalsKey = useGraph((s) =>
    s.nodes
      .filter((n) => nodeRegistry.get(n.type ?? "")?.terminal)
      .map((n) => `${n.id}\u0001${n.data.name ?? ""}`)
      .join("\u0000"),
  );
  const terminals = terminalsKey
    ? terminalsKey.split("\u0000").map((entry) => {
        const [id = "", name] = entry.split("\u0001");
        return { id, label: name ? `${name} (${id})` : id };
      })
    : [];
  const cases = workflow.data?.testCases ?? [];
  const blankCase = (): TestCaseDraft => ({
    name: "",
    item: sampleItem(graph.getState().nodes),
    expected: { terminalType: "route" },
  });
  const results = new Map((runs.data?.results ?? []).map((r) => [r.caseId, r]));

  return (
    <div className="min-h-0 flex-1 overflow-y-auto px-8 py-6" data-testid="test-cases-tab">
      <div className="mx-auto max-w-5xl space-y-4">
        <div className="flex items-center gap-3">
          <div className="min-w-0 flex-1">
            <h2 className="text-base font-semibold text-slate-900">Spec test cases</h2>
            <p className="text-sm text-slate-600">
              A failing case blocks publishing unless it is marked as a known failure.
            </p>
          </div>
          <Button
            variant="secondary"
            onClick={runAll}
            disabled={runs.isPending || cases.length === 0}
            title="Run every case against the canvas as it is now, unsaved changes included"
          >
            <Play className="h-4 w-4" aria-hidden /> {runs.isPending ? "Running…" : "Run all"}
          </Button>
          <Button onClick={() => setEditing(blankCase())}>
            <Plus className="h-4 w-4" aria-hidden /> Add test case
          </Button>
        </div>
        {runs.isError ? <ErrorState message={runs.error.message} onRetry={runAll} /> : null}
        {runs.data ? (
          <div role="status" className="flex flex-wrap items-center gap-2 text-sm" data-testid="test-summary">
            <Badge tone="success">{runs.data.passed} passed</Badge>
            <Badge tone={runs.data.failed > 0 ? "danger" : "neutral"}>{runs.data.failed} failed</Badge>
            {runs.data.knownFailures > 0 ? (
              <Badge tone="warning">{runs.data.knownFailures} known failures</Badge>
            ) : null}
            <span className="text-slate-500">
              {ranOn?.dirty
                ? "against the canvas, unsaved changes included"
                : `against the canvas (saved as v${ranOn?.version ?? baseVersion})`}
            </span>
            {ranOn && ranOn.docId !== docId ? (
              <span className="text-amber-700">— the canvas changed since; run again to check it</span>
            ) : null}
          </div>
        ) : null}
        {workflow.isPending ? null : cases.length === 0 ? (
          <EmptyState icon={FlaskConical} title="No test cases yet">
            Add items with the outcome they must get, or try an item on the canvas and save it as a test case.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {cases.map((c) => {
              const r = results.get(c.id);
              return (
                <li key={c.id} className="flex items-start gap-3 px-4 py-3" data-testid="test-case-row">
                  <span
                    className="mt-0.5 w-5 shrink-0"
                    aria-label={r ? (r.pass ? "passed" : "failed") : "not run"}
                  >
                    {r ? (
                      r.pass ? (
                        <CheckCircle2 className="h-5 w-5 text-emerald-600" aria-hidden />
                      ) : (
                        <XCircle
                          className={`h-5 w-5 ${r.knownFailure ? "text-amber-500" : "text-red-600"}`}
                          aria-hidden
                        />
                      )
                    ) : null}
                  </span>
                  <div className="min-w-0 flex-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium text-slate-900">{c.name}</span>
                      {c.edgeCase ? <Badge tone="accent">Edge case</Badge> : null}
                      {c.knownFailure ? <Badge tone="warning">Known failure</Badge> : null}
                    </div>
                    <p className="text-xs text-slate-600">Expects {expectedText(c)}</p>
                    {c.notes ? <p className="mt-0.5 text-xs text-slate-500">{c.notes}</p> : null}
                    {r && !r.pass ? (
                      <ul className="mt-1 space-y-0.5 text-xs text-red-700" data-testid="mismatches">
                        {r.mismatches.map((m) => (
                          <li key={m}>{m}</li>
                        ))}
                      </ul>
                    ) : null}
                  </div>
                  <div className="flex shrink-0 gap-1">
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() => onTryCase(c.item)}
                      title="Open the Try panel with this item"
                    >
                      <Play className="h-3.5 w-3.5" aria-hidden /> Try
                    </Button>
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() => setEditing(c)}
                      aria-label={`Edit ${c.name}`}
                    >
                      <Pencil className="h-3.5 w-3.5" aria-hidden />
                    </Button>
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() => setDeleting(c)}
                      aria-label={`Delete ${c.name}`}
                      className="text-red-700 hover:bg-red-50"
                    >
                      <Trash2 className="h-3.5 w-3.5" aria-hidden />
                    </Button>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {editing ? (
        <TestCaseDialog
          workflowId={workflowId}
          initial={editing}
          terminalNodes={terminals}
          open
          onOpenChange={(o) => !o && setEditing(null)}
        />
      ) : null}
      <Dialog open={deleting !== null} onOpenChange={(o) => !o && setDeleting(null)}>
        <DialogContent
          title="Delete test case?"
          description={deleting ? `“${deleting.name}” is removed from the spec.` : undefined}
        >
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setDeleting(null)}>
              Cancel
            </Button>
            <Button
              variant="danger"
              onClick={() => {
                if (deleting)
                  remove.mutate(
                    { workflowId, testCaseId: deleting.id },
                    { onSuccess: () => toast.success(`Deleted “${deleting.name}”`) },
                  );
                setDeleting(null);
              }}
            >
              Delete
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </div>
  );
}
