"use client";

import { useMutation } from "@tanstack/react-query";
import { FlaskConical, Play, X } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import type { TestCase } from "@/lib/engine/graph/test-case-schema";
import { nodeRegistry } from "@/lib/nodes/registry";
import { isMac } from "../canvas/shortcuts";
import { pathOf } from "../store/overlay-store";
import { sampleItem } from "../sample-item";
import type { EditorNode } from "../store/graph-types";
import { parseConfig } from "../store/node-handles";
import { useEditorStores, useGraph, useOverlay, useUi } from "../store/editor-provider";
import { TestCaseDialog, type TestCaseDraft } from "../tests/test-case-dialog";
import { useThresholdOverrides } from "../thresholds";
import { OutcomeSummary, expectationFromOutcome } from "./outcome-summary";

/** Overrides for nodes of this draft that have a threshold (one left from a deleted node would be refused). */
function applicableOverrides(overrides: Record<string, number> | undefined, nodes: readonly EditorNode[]) {
  if (!overrides) return undefined;
  const thresholded = new Set(
    nodes
      .filter(
        (n) =>
          typeof (parseConfig(nodeRegistry.get(n.type ?? ""), n.data.config).value as { threshold?: unknown })
            .threshold === "number",
      )
      .map((n) => n.id),
  );
  const kept = Object.entries(overrides).filter(([id]) => thresholded.has(id));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/** Run one item through the current draft (backtest mode, on the server) and light up its path. */
export function TryPanel({ testCases }: { testCases: readonly TestCase[] }) {
  const trpc = useTRPC();
  const { graph, overlay, ui, session } = useEditorStores();
  const text = useUi((s) => s.tryInput);
  const result = useOverlay((s) => s.tryResult);
  const stale = useGraph((s) => s.docId) !== result?.docId;
  const overrides = useThresholdOverrides(session.getState().workflowId);
  const [caseId, setCaseId] = useState("");
  const [inputError, setInputError] = useState<string | null>(null);
  const [saveAsCase, setSaveAsCase] = useState<TestCaseDraft | null>(null);
  const tryItem = useMutation(trpc.workflows.tryItem.mutationOptions());
  const chosenCase = testCases.find((c) => c.id === caseId);

  const run = () => {
    let item: unknown;
    try {
      item = JSON.parse(text);
    } catch (error) {
      setInputError(`The item is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      setInputError("The item must be a JSON object ({ … }).");
      return;
    }
    setInputError(null);
    const { toGraph, docId, edges, nodes } = graph.getState();
    tryItem.mutate(
      {
        workflowId: session.getState().workflowId,
        graph: toGraph(),
        item: item as Record<string, unknown>,
        thresholdOverrides: applicableOverrides(overrides, nodes),
        recordedReads: chosenCase?.recordedReads,
      },
      {
        onSuccess: ({ outcome, trace }) =>
          overlay.getState().setTryResult({
            item: item as Record<string, unknown>,
            outcome,
            trace,
            docId,
            ...pathOf(trace, edges),
          }),
      },
    );
  };

  const pickCase = (id: string) => {
    setCaseId(id);
    const found = testCases.find((c) => c.id === id);
    if (found) ui.getState().setTryInput(JSON.stringify(found.item, null, 2));
  };

  const fillSample = () =>
    ui.getState().setTryInput(JSON.stringify(sampleItem(graph.getState().nodes), null, 2));

  const terminals = graph
    .getState()
    .nodes.filter((n) => nodeRegistry.get(n.type ?? "")?.terminal)
    .map((n) => ({ id: n.id, label: n.data.name ? `${n.data.name} (${n.id})` : n.id }));

  return (
    <div className="space-y-3 p-4" data-testid="try-panel">
      <p className="text-xs text-slate-500">
        Runs the current draft, saved or not, in backtest mode: reads come from recordings, nothing is written
        or sent.
        {overrides ? ` Admin threshold overrides in force apply (${Object.keys(overrides).length}).` : ""}
      </p>
      <label className="block space-y-1">
        <span className="text-xs font-medium text-slate-700">Start from a test case</span>
        <select
          value={caseId}
          onChange={(e) => pickCase(e.target.value)}
          className="h-8 w-full rounded-md border border-slate-300 bg-white px-2 text-sm"
        >
          <option value="">{testCases.length === 0 ? "No test cases yet" : "Choose a test case…"}</option>
          {testCases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="block space-y-1">
        <span className="flex items-center justify-between text-xs font-medium text-slate-700">
          Item (JSON)
          <button type="button" onClick={fillSample} className="font-normal text-accent-700 hover:underline">
            Fill from trigger fields
          </button>
        </span>
        <textarea
          aria-label="Item to try"
          value={text}
          onChange={(e) => ui.getState().setTryInput(e.target.value)}
          rows={8}
          spellCheck={false}
          placeholder='{ "id": "T-1", "text": "…", "occurred_at": "2026-01-01T09:00:00Z" }'
          className="w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-xs focus-visible:border-accent-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-accent-500/30"
        />
      </label>
      {inputError ? (
        <p role="alert" className="text-xs text-red-700">
          {inputError}
        </p>
      ) : null}
      <div className="flex items-center gap-2">
        <Button size="sm" onClick={run} disabled={tryItem.isPending || text.trim() === ""} data-try-run>
          <Play className="h-3.5 w-3.5" aria-hidden /> {tryItem.isPending ? "Running…" : "Try it"}
        </Button>
        <span className="text-[11px] text-slate-500">{isMac() ? "⌘" : "Ctrl"}+Enter</span>
        {result ? (
          <Button
            size="sm"
            variant="ghost"
            className="ml-auto"
            onClick={() => overlay.getState().setTryResult(null)}
          >
            <X className="h-3.5 w-3.5" aria-hidden /> Clear path
          </Button>
        ) : null}
      </div>
      {tryItem.isError ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-2 text-xs text-red-800">
          {tryItem.error.message}
        </p>
      ) : null}
      {result ? (
        <section aria-label="Result" className="space-y-3 border-t border-slate-100 pt-3">
          {stale ? (
            <p className="rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-800">
              The draft changed since this run; try again to refresh the path.
            </p>
          ) : null}
          <OutcomeSummary outcome={result.outcome} />
          <ol className="space-y-1" aria-label="Path taken">
            {(result.trace?.steps ?? []).map((step, i) => (
              <li key={`${step.nodeId}-${i}`}>
                <button
                  type="button"
                  onClick={() => ui.getState().focusNode(step.nodeId)}
                  className="flex w-full items-start gap-2 rounded px-1.5 py-1 text-left text-xs hover:bg-slate-100"
                >
                  <span className="mt-0.5 flex h-4 w-4 shrink-0 items-center justify-center rounded-full bg-accent-600 text-[10px] text-white">
                    {i + 1}
                  </span>
                  <span className="min-w-0 flex-1">
                    <span className="font-medium text-slate-800">{step.name || step.nodeId}</span>
                    {step.handle ? <span className="text-slate-600"> → {step.handle}</span> : null}
                    {step.confidence !== undefined ? (
                      <span className="tabular-nums text-slate-500"> · {step.confidence.toFixed(2)}</span>
                    ) : null}
                    {step.detail ? <span className="block text-slate-500">{step.detail}</span> : null}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          <Button
            size="sm"
            variant="secondary"
            onClick={() =>
              setSaveAsCase({
                name: chosenCase ? `${chosenCase.name} (tried)` : "Tried item",
                item: result.item,
                expected: expectationFromOutcome(result.outcome),
                recordedReads: chosenCase?.recordedReads,
              })
            }
          >
            <FlaskConical className="h-3.5 w-3.5" aria-hidden /> Save as test case
          </Button>
        </section>
      ) : null}
      {saveAsCase ? (
        <TestCaseDialog
          workflowId={session.getState().workflowId}
          initial={saveAsCase}
          terminalNodes={terminals}
          open
          onOpenChange={(open) => !open && setSaveAsCase(null)}
        />
      ) : null}
    </div>
  );
}
