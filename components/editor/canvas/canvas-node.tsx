"use client";

import { Handle, Position, useUpdateNodeInternals, type NodeProps } from "@xyflow/react";
import { CircleAlert, UserRound } from "lucide-react";
import { memo, useEffect, useMemo, useRef } from "react";
import { cn } from "@/components/ui/cn";
import { nodeRegistry } from "@/lib/nodes/registry";
import { GROUP_APPEARANCE } from "../node-appearance";
import { editorFor } from "../node-editors";
import { useGraph, useOverlay } from "../store/editor-provider";
import type { EditorNode } from "../store/graph-types";
import { handlesOf, parseConfig } from "../store/node-handles";
import { connectedHandleKeys } from "./connected-handles";
import { TraceFooter } from "./trace-footer";

const DIFF_STYLE = {
  added: "ring-2 ring-emerald-500 border-emerald-500",
  removed: "ring-2 ring-red-400 border-red-400 border-dashed opacity-70",
  changed: "ring-2 ring-amber-400 border-amber-400",
  unchanged: "",
} as const;

/** Every node type's canvas body: header by group, name, one-line summary, one named handle per output. */
export const CanvasNode = memo(function CanvasNode({ id, type, data, selected }: NodeProps<EditorNode>) {
  const definition = nodeRegistry.get(type);
  const nodeEditor = editorFor(type);
  const look = GROUP_APPEARANCE[definition?.group ?? "outcome"];
  const Icon = nodeEditor?.icon ?? look.icon;
  const handles = handlesOf(type, data.config) ?? [];
  const handleKey = handles.map((h) => h.id).join("\u0000");
  const summary = useMemo(() => {
    if (!definition) return `Unknown node type "${type}"`;
    const parsed = parseConfig(definition, data.config);
    if (!parsed.ok) return "Needs configuring";
    try {
      return definition.summary(parsed.value);
    } catch {
      return "";
    }
  }, [definition, data.config, type]);
  const issueCount = useOverlay((s) => s.issuesByNode.get(id)?.length ?? 0);
  const step = useOverlay((s) => s.tryResult?.stepsByNode.get(id));
  const tried = useOverlay((s) => s.tryResult !== null);
  const diff = useOverlay((s) => s.diffByNode?.get(id));
  const connected = useGraph((s) => connectedHandleKeys(s.edges).get(id) ?? "");
  const connectedSet = useMemo(() => new Set(connected.split("\u0000")), [connected]);
  const escalateMarks = data.escalateUnconnected;

  // Re-measure handles when the outputs change (not on mount: React Flow measures new nodes itself, and an
  // early call here would let its initial fit-view run before the other nodes are measured).
  const updateNodeInternals = useUpdateNodeInternals();
  const measuredKey = useRef(handleKey);
  useEffect(() => {
    if (measuredKey.current === handleKey) return;
    measuredKey.current = handleKey;
    updateNodeInternals(id);
  }, [handleKey, id, updateNodeInternals]);

  const Body = nodeEditor?.Body;
  return (
    <div
      data-testid={`node-${id}`}
      data-node-type={type}
      data-visited={step ? "true" : undefined}
      data-issues={issueCount > 0 ? String(issueCount) : undefined}
      data-diff={diff}
      className={cn(
        "w-60 rounded-lg border bg-white text-left shadow-sm in-[.sb-low-detail]:shadow-none",
        selected ? "border-accent-500 ring-2 ring-accent-500/40" : "border-slate-200",
        issueCount > 0 && "border-red-400 ring-2 ring-red-500/60",
        step && "border-accent-600 shadow-md ring-[3px] ring-accent-500",
        tried && !step && !diff && "opacity-55",
        diff && DIFF_STYLE[diff],
      )}
    >
      <div className={cn("h-1 rounded-t-lg", look.bar)} />
      {definition?.group !== "trigger" ? (
        <Handle
          type="target"
          position={Position.Left}
          className="!h-3 !w-3 !border-2 !border-white !bg-slate-400"
        />
      ) : null}
      <div className="px-3 pb-2 pt-1.5 in-[.sb-low-detail]:invisible">
        <div
          className={cn(
            "flex items-center gap-1.5 text-[11px] font-semibold uppercase tracking-wide",
            look.text,
          )}
        >
          <Icon className="h-3.5 w-3.5" aria-hidden />
          <span className="truncate">{definition?.label ?? type}</span>
          {issueCount > 0 ? (
            <span
              className="ml-auto inline-flex items-center gap-0.5 rounded-full bg-red-50 px-1.5 text-[10px] font-semibold normal-case text-red-700"
              title={`${issueCount} problem${issueCount > 1 ? "s" : ""}`}
            >
              <CircleAlert className="h-3 w-3" aria-hidden /> {issueCount}
            </span>
          ) : null}
          {diff && diff !== "unchanged" ? (
            <span className="ml-auto rounded bg-white/80 px-1 text-[10px] font-semibold normal-case text-slate-700">
              {diff}
            </span>
          ) : null}
        </div>
        <div className="mt-0.5 truncate text-sm font-semibold text-slate-900" title={id}>
          {data.name || id}
        </div>
        {Body ? (
          <Body config={data.config} summary={summary} />
        ) : (
          <p className="mt-0.5 line-clamp-2 break-words text-xs text-slate-600">{summary}</p>
        )}
      </div>
      {handles.length > 0 ? (
        <ul className="border-t border-slate-100 py-1">
          {handles.map((h) => {
            const isConnected = connectedSet.has(h.id);
            const escalates =
              !isConnected && (h.whenUnconnected === "escalate" || escalateMarks?.includes(h.id));
            const taken = step?.handle === h.id;
            return (
              <li
                key={h.id}
                className={cn(
                  "relative flex h-6 items-center justify-end gap-1 pr-3.5 text-xs in-[.sb-low-detail]:text-transparent",
                  taken ? "font-semibold text-accent-700" : "text-slate-600",
                  h.neverTaken && "text-slate-400 line-through",
                )}
              >
                {escalates ? (
                  <span
                    className="mr-auto flex items-center gap-0.5 pl-3 text-[10px] text-orange-700"
                    title="Left unconnected, this output hands the item to a person"
                  >
                    <UserRound className="h-3 w-3" aria-hidden /> person
                  </span>
                ) : null}
                <span className="truncate" data-handle-label={h.id}>
                  {h.label}
                </span>
                <Handle
                  type="source"
                  id={h.id}
                  position={Position.Right}
                  title={`${h.label}: drag to connect`}
                  className={cn(
                    "!h-3 !w-3 !border-2",
                    isConnected ? "!border-white !bg-slate-500" : "!border-slate-400 !bg-white",
                    escalates && "!border-orange-500",
                    taken && "!border-white !bg-accent-600",
                  )}
                />
              </li>
            );
          })}
        </ul>
      ) : null}
      {step ? <TraceFooter step={step} /> : null}
    </div>
  );
});
