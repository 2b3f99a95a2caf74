"use client";

import { Braces, Copy, MousePointerClick, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { GraphValidationIssue } from "@/lib/engine/validate/validation-issue";
import { nodeRegistry } from "@/lib/nodes/registry";
import { TextField } from "../form/fields";
import { GROUP_APPEARANCE } from "../node-appearance";
import { editorFor } from "../node-editors";
import { useEditorStores, useGraph, useOverlay } from "../store/editor-provider";
import type { EditorNode } from "../store/graph-types";
import type { PatchResult } from "../store/graph-ops";
import { parseConfig } from "../store/node-handles";
import { ConfigErrorBoundary } from "./config-error-boundary";
import { useFormContext } from "./form-context";
import { JsonConfigEditor } from "./json-config-editor";
import { OutputsSection } from "./outputs-section";

const NO_PROBLEMS: readonly GraphValidationIssue[] = [];

/** The selected node's name, config form (from its own folder), outputs and problems. */
export function ConfigPanel({ readOnly }: { readOnly: boolean }) {
  const selectedKey = useGraph((s) =>
    s.nodes
      .filter((n) => n.selected)
      .map((n) => n.id)
      .join("\u0000"),
  );
  const selected = selectedKey ? selectedKey.split("\u0000") : [];
  const single = useGraph((s) =>
    selected.length === 1 ? s.nodes.find((n) => n.id === selected[0]) : undefined,
  );
  const { graph } = useEditorStores();
  if (selected.length === 0) {
    return (
      <div className="flex flex-col items-center px-6 py-12 text-center text-sm text-slate-500">
        <MousePointerClick className="mb-2 h-6 w-6 text-slate-400" aria-hidden />
        <p className="font-medium text-slate-700">No node selected</p>
        <p className="mt-1">Select a node to configure it. Drag on empty canvas to select several.</p>
      </div>
    );
  }
  if (selected.length > 1) {
    return (
      <div className="space-y-3 p-4">
        <p className="text-sm font-medium text-slate-800">{selected.length} nodes selected</p>
        {!readOnly ? (
          <div className="flex gap-2">
            <Button size="sm" variant="secondary" onClick={() => graph.getState().duplicate()}>
              <Copy className="h-3.5 w-3.5" aria-hidden /> Duplicate
            </Button>
            <Button size="sm" variant="danger" onClick={() => graph.getState().deleteSelected()}>
              <Trash2 className="h-3.5 w-3.5" aria-hidden /> Delete
            </Button>
          </div>
        ) : null}
      </div>
    );
  }
  return single ? <NodeConfig key={single.id} node={single} readOnly={readOnly} /> : null;
}

function reportRemovedEdges(result: PatchResult | null, undo: () => void): void {
  if (!result || result.removedEdges.length === 0) return;
  const outputs = [...new Set(result.removedEdges.map((e) => `"${e.sourceHandle}"`))].join(", ");
  const n = result.removedEdges.length;
  toast.warning(
    `Removed ${n} connection${n > 1 ? "s" : ""}: the ${outputs} output${result.removedEdges.length > 1 ? "s no longer exist" : " no longer exists"}.`,
    {
      action: { label: "Undo", onClick: undo },
    },
  );
}

function NodeConfig({ node, readOnly }: { node: EditorNode; readOnly: boolean }) {
  const { graph } = useEditorStores();
  const definition = nodeRegistry.get(node.type ?? "");
  const nodeEditor = editorFor(node.type);
  const context = useFormContext(node.id, readOnly);
  const problems = useOverlay((s) => s.issuesByNode.get(node.id)) ?? NO_PROBLEMS;
  const [asJson, setAsJson] = useState(false);
  const look = GROUP_APPEARANCE[definition?.group ?? "outcome"];
  const Icon = nodeEditor?.icon ?? look.icon;
  const parsed = parseConfig(definition, node.data.config);
  const setConfig = (next: Record<string, unknown>, field?: string) =>
    reportRemovedEdges(
      graph.getState().patchNode(node.id, { config: next }, field ? `${node.id}.config.${field}` : undefined),
      () => graph.getState().undo(),
    );
  const json = (
    <JsonConfigEditor config={node.data.config} onChange={(c) => setConfig(c, "json")} readOnly={readOnly} />
  );
  const Form = nodeEditor?.ConfigForm;

  return (
    <div className="space-y-5 p-4" data-testid="config-panel">
      <header className="space-y-2">
        <div className="flex items-center gap-2">
          <span
            className={cn("flex h-7 w-7 items-center justify-center rounded-md ring-1 ring-inset", look.chip)}
          >
            <Icon className="h-4 w-4" aria-hidden />
          </span>
          <div className="min-w-0 flex-1">
            <h2 className="truncate text-sm font-semibold text-slate-900">
              {definition?.label ?? node.type}
            </h2>
            <p
              className="font-mono text-[11px] text-slate-500"
              title="The node id: expressions read it as nodes.<id>"
            >
              {node.id}
            </p>
          </div>
          <button
            type="button"
            onClick={() => setAsJson((v) => !v)}
            aria-pressed={asJson}
            title="Edit the config as JSON"
            className={cn(
              "flex h-7 items-center gap-1 rounded-md px-2 text-xs font-medium",
              asJson ? "bg-accent-50 text-accent-700" : "text-slate-600 hover:bg-slate-100",
            )}
          >
            <Braces className="h-3.5 w-3.5" aria-hidden /> JSON
          </button>
        </div>
        {definition ? <p className="text-xs text-slate-500">{definition.description}</p> : null}
        <TextField
          label="Name"
          value={node.data.name}
          onChange={(name) => graph.getState().patchNode(node.id, { name }, `${node.id}.name`)}
          placeholder={definition?.label}
          disabled={readOnly}
        />
      </header>

      <div className="space-y-3">
        {asJson || !Form ? (
          json
        ) : (
          <ConfigErrorBoundary
            resetKey={node.data.config}
            fallback={
              <JsonConfigEditor
                config={node.data.config}
                onChange={(c) => setConfig(c, "json")}
                readOnly={readOnly}
                note="The form cannot show this config; edit it as JSON."
              />
            }
          >
            <Form
              nodeId={node.id}
              config={node.data.config}
              onChange={setConfig}
              issues={parsed.issues}
              context={context}
            />
          </ConfigErrorBoundary>
        )}
        {!parsed.ok && parsed.issues.has("") ? (
          <p className="text-xs text-red-700">{parsed.issues.get("")?.join("; ")}</p>
        ) : null}
      </div>

      <OutputsSection node={node} readOnly={readOnly} />

      {problems.length > 0 ? (
        <section
          aria-label="Problems on this node"
          className="space-y-1.5 rounded-md border border-red-200 bg-red-50 p-3"
        >
          <h3 className="text-xs font-semibold text-red-800">
            {problems.length} problem{problems.length > 1 ? "s" : ""} on this node
          </h3>
          <ul className="space-y-1 text-xs text-red-800">
            {problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {!readOnly ? (
        <div className="flex gap-2 border-t border-slate-100 pt-3">
          <Button size="sm" variant="secondary" onClick={() => graph.getState().duplicate()}>
            <Copy className="h-3.5 w-3.5" aria-hidden /> Duplicate
          </Button>
          <Button
            size="sm"
            variant="ghost"
            className="text-red-700 hover:bg-red-50"
            onClick={() => graph.getState().deleteSelected()}
          >
            <Trash2 className="h-3.5 w-3.5" aria-hidden /> Delete node
          </Button>
        </div>
      ) : null}
    </div>
  );
}
