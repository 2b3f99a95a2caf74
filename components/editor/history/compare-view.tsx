"use client";

import { useQuery } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import { ChevronLeft } from "lucide-react";
import { useEffect, useMemo } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { GraphCanvas } from "../canvas/graph-canvas";
import { describeChange } from "../diff/diff-values";
import { diffGraphs, mergeForCompare, type GraphDiff } from "../diff/diff-graphs";
import { EditorProvider, useEditorStores } from "../store/editor-provider";
import type { VersionSummary } from "../use-workflow";

const STATUS_STYLE = {
  added: "bg-emerald-500",
  removed: "bg-red-400",
  changed: "bg-amber-400",
  unchanged: "bg-slate-300",
} as const;

/** Two versions on one canvas: added, removed and changed nodes highlighted, config changes listed. */
export function CompareView({
  workflowId,
  from,
  to,
  onBack,
}: {
  workflowId: string;
  from: VersionSummary;
  to: VersionSummary;
  onBack(): void;
}) {
  const trpc = useTRPC();
  const before = useQuery(trpc.workflows.get.queryOptions({ workflowId, versionId: from.id }));
  const after = useQuery(trpc.workflows.get.queryOptions({ workflowId, versionId: to.id }));
  const compared = useMemo(() => {
    if (!before.data || !after.data) return null;
    const diff = diffGraphs(before.data.version.graph, after.data.version.graph);
    return { diff, ...mergeForCompare(before.data.version.graph, after.data.version.graph, diff) };
  }, [before.data, after.data]);
  const error = before.error ?? after.error;
  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="compare-view">
      <div className="flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-2 text-sm">
        <Button variant="ghost" size="sm" onClick={onBack}>
          <ChevronLeft className="h-4 w-4" aria-hidden /> History
        </Button>
        <span className="font-medium text-slate-900">
          Comparing v{from.version} → v{to.version}
        </span>
        <span className="ml-auto flex items-center gap-3 text-xs text-slate-600">
          {(["added", "removed", "changed"] as const).map((s) => (
            <span key={s} className="flex items-center gap-1">
              <span className={cn("h-2.5 w-2.5 rounded-full", STATUS_STYLE[s])} aria-hidden /> {s}
            </span>
          ))}
        </span>
      </div>
      {error ? <ErrorState message={error.message} /> : null}
      {!compared && !error ? <LoadingState /> : null}
      {compared ? (
        <EditorProvider
          graph={compared.graph}
          workflowId={workflowId}
          version={to.version}
          versionId={to.id}
          readOnly
        >
          <ReactFlowProvider>
            <DiffOverlay byNode={compared.byNode} byEdge={compared.byEdge} />
            <div className="flex min-h-0 flex-1">
              <div className="min-w-0 flex-1 bg-slate-50">
                <GraphCanvas readOnly />
              </div>
              <ChangeList diff={compared.diff} />
            </div>
          </ReactFlowProvider>
        </EditorProvider>
      ) : null}
    </div>
  );
}

function DiffOverlay({
  byNode,
  byEdge,
}: {
  byNode: ReadonlyMap<string, GraphDiff["nodes"][number]["status"]>;
  byEdge: ReadonlyMap<string, GraphDiff["nodes"][number]["status"]>;
}) {
  const { overlay } = useEditorStores();
  useEffect(() => overlay.getState().setDiff(byNode, byEdge), [overlay, byNode, byEdge]);
  return null;
}

function ChangeList({ diff }: { diff: GraphDiff }) {
  const { ui } = useEditorStores();
  const changed = diff.nodes.filter((n) => n.status !== "unchanged");
  const { counts } = diff;
  return (
    <aside
      className="w-80 shrink-0 overflow-y-auto border-l border-slate-200 bg-white p-4"
      aria-label="Changes"
      data-testid="change-list"
    >
      <div className="mb-3 flex flex-wrap gap-1.5">
        <Badge tone="success">{counts.added} added</Badge>
        <Badge tone="danger">{counts.removed} removed</Badge>
        <Badge tone="warning">{counts.changed} changed</Badge>
        <Badge>
          {counts.edgesAdded} / {counts.edgesRemoved} edges added / removed
        </Badge>
      </div>
      {changed.length === 0 ? (
        <p className="text-sm text-slate-500">
          No node changed{counts.edgesAdded + counts.edgesRemoved > 0 ? "; only connections did." : "."}
        </p>
      ) : null}
      <ul className="space-y-2">
        {changed.map((n) => (
          <li key={n.nodeId}>
            <button
              type="button"
              onClick={() => ui.getState().focusNode(n.nodeId)}
              className="w-full rounded-md border border-slate-200 p-2 text-left hover:bg-slate-50"
            >
              <div className="flex items-center gap-2 text-sm">
                <span
                  className={cn("h-2.5 w-2.5 shrink-0 rounded-full", STATUS_STYLE[n.status])}
                  aria-hidden
                />
                <span className="min-w-0 flex-1 truncate font-medium text-slate-900">
                  {n.name || n.nodeId}
                </span>
                <span className="text-xs text-slate-500">{n.status}</span>
              </div>
              {n.changes.length > 0 ? (
                <ul className="mt-1 space-y-0.5 pl-4 font-mono text-[11px] text-slate-600">
                  {n.changes.map((c, i) => (
                    <li key={i} className="break-words">
                      {describeChange(c)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
