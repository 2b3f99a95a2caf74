"use client";

import { toast } from "sonner";
import { useMemo } from "react";
import { FormSection } from "../form/fields";
import { connectionProblem } from "../store/connection-rules";
import { useEditorStores, useGraph } from "../store/editor-provider";
import type { EditorNode } from "../store/graph-types";
import { handlesOf } from "../store/node-handles";

/**
 * The node's outputs with where each leads: a keyboard-friendly way to connect, and the place to say that an
 * unconnected output hands the item to a person.
 */
export function OutputsSection({ node, readOnly }: { node: EditorNode; readOnly: boolean }) {
  const { graph } = useEditorStores();
  const nodes = useGraph((s) => s.nodes);
  const edges = useGraph((s) => s.edges);
  const handles = handlesOf(node.type, node.data.config) ?? [];
  const targetsByHandle = useMemo(() => {
    const map = new Map<string, { id: string; label: string }[]>();
    for (const h of handles) {
      const rest = edges.filter((e) => !(e.source === node.id && e.sourceHandle === h.id));
      map.set(
        h.id,
        nodes
          .filter(
            (n) =>
              connectionProblem(nodes, rest, { source: node.id, sourceHandle: h.id, target: n.id }) === null,
          )
          .map((n) => ({ id: n.id, label: n.data.name ? `${n.data.name} (${n.id})` : n.id })),
      );
    }
    return map;
    // Positions do not change the candidates; recompute on structure and config only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [edges, nodes.length, node.id, node.data.config]);
  if (handles.length === 0) return null;
  const marks = node.data.escalateUnconnected ?? [];
  return (
    <FormSection title="Outputs">
      <ul className="space-y-2">
        {handles.map((h) => {
          const edge = edges.find((e) => e.source === node.id && e.sourceHandle === h.id);
          const escalatesByConfig = h.whenUnconnected === "escalate";
          const marked = marks.includes(h.id);
          return (
            <li key={h.id} className="rounded-md border border-slate-200 p-2">
              <label className="flex items-center gap-2 text-xs">
                <span className="w-24 shrink-0 truncate font-medium text-slate-700" title={h.id}>
                  {h.label}
                </span>
                <select
                  aria-label={`${h.label} leads to`}
                  value={edge?.target ?? ""}
                  disabled={readOnly || Boolean(h.neverTaken)}
                  onChange={(e) => {
                    const problem = graph.getState().reconnect(node.id, h.id, e.target.value || null);
                    if (problem) toast.error(problem);
                  }}
                  className="h-7 min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-1.5 text-xs"
                >
                  <option value="">{h.neverTaken ? "never taken" : "— not connected —"}</option>
                  {edge && !targetsByHandle.get(h.id)?.some((t) => t.id === edge.target) ? (
                    <option value={edge.target}>{edge.target}</option>
                  ) : null}
                  {(targetsByHandle.get(h.id) ?? []).map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.label}
                    </option>
                  ))}
                </select>
              </label>
              {!edge && !h.neverTaken ? (
                escalatesByConfig ? (
                  <p className="mt-1 text-[11px] text-orange-700">
                    Left unconnected, this output hands the item to a person.
                  </p>
                ) : (
                  <label className="mt-1.5 flex items-center gap-1.5 text-[11px] text-slate-600">
                    <input
                      type="checkbox"
                      checked={marked}
                      disabled={readOnly}
                      onChange={(e) =>
                        graph.getState().patchNode(node.id, {
                          escalateUnconnected: e.target.checked
                            ? [...marks, h.id]
                            : marks.filter((m) => m !== h.id),
                        })
                      }
                      className="h-3.5 w-3.5 accent-accent-600"
                    />
                    Hand the item to a person when this output is taken
                  </label>
                )
              ) : null}
            </li>
          );
        })}
      </ul>
    </FormSection>
  );
}
