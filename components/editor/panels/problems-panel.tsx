"use client";

import { CheckCircle2, CircleAlert } from "lucide-react";
import { useEditorStores, useGraph, useOverlay } from "../store/editor-provider";

/** The engine's validation of the canvas, live; a click selects and centres the node concerned. */
export function ProblemsPanel() {
  const issues = useOverlay((s) => s.issues);
  const stale = useOverlay((s) => s.validatedDocId) !== useGraph((s) => s.docId);
  const { ui, graph } = useEditorStores();
  if (issues.length === 0) {
    return (
      <div
        className="flex flex-col items-center px-6 py-12 text-center text-sm text-slate-500"
        data-testid="problems-panel"
      >
        <CheckCircle2 className="mb-2 h-6 w-6 text-emerald-500" aria-hidden />
        <p className="font-medium text-slate-700">No problems</p>
        <p className="mt-1">The draft is valid. It can be published once its test cases pass.</p>
      </div>
    );
  }
  return (
    <div className="p-2" data-testid="problems-panel">
      <p className="px-2 pb-2 pt-1 text-xs text-slate-500" aria-live="polite">
        {issues.length} problem{issues.length > 1 ? "s" : ""}{" "}
        {stale ? "(checking…)" : "— fix them before publishing"}
      </p>
      <ul className="space-y-1">
        {issues.map((issue, i) => {
          const target = issue.nodeId ?? graph.getState().edges.find((e) => e.id === issue.edgeId)?.source;
          return (
            <li key={`${issue.code}-${issue.nodeId ?? issue.edgeId ?? ""}-${i}`}>
              <button
                type="button"
                disabled={!target}
                onClick={() => target && ui.getState().focusNode(target)}
                className="flex w-full items-start gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-red-50 focus-visible:bg-red-50 disabled:cursor-default disabled:hover:bg-transparent"
              >
                <CircleAlert className="mt-0.5 h-4 w-4 shrink-0 text-red-600" aria-hidden />
                <span className="min-w-0 flex-1">
                  <span className="block text-slate-800">{issue.message}</span>
                  <span className="font-mono text-[11px] text-slate-500">
                    {issue.code}
                    {target ? ` · ${target}` : ""}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
