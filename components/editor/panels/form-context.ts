"use client";

import { useMemo } from "react";
import type { ItemShape } from "@/lib/engine/node-definition";
import { nodeRegistry } from "@/lib/nodes/registry";
import type { EditorFormContext } from "../node-editor-types";
import { useGraph, useSession } from "../store/editor-provider";
import { parseConfig } from "../store/node-handles";
import { useThresholdOverride } from "../thresholds";
import { useConnectorChoices } from "../connectors";

const triggerCache = new WeakMap<object, ItemShape | null>();

/** The item shape the graph's trigger declares (memoised per trigger config object). */
function shapeOfTrigger(
  config: Record<string, unknown> | undefined,
  type: string | undefined,
): ItemShape | undefined {
  if (!config || !type) return undefined;
  if (triggerCache.has(config)) return triggerCache.get(config) ?? undefined;
  const definition = nodeRegistry.get(type);
  const parsed = parseConfig(definition, config);
  const shape = parsed.ok && definition?.itemShape ? definition.itemShape(parsed.value) : null;
  triggerCache.set(config, shape);
  return shape ?? undefined;
}

export function useFormContext(nodeId: string, readOnly: boolean): EditorFormContext {
  const trigger = useGraph((s) => s.nodes.find((n) => nodeRegistry.get(n.type ?? "")?.group === "trigger"));
  const nodeIdsKey = useGraph((s) => s.nodes.map((n) => n.id).join(","));
  const workflowId = useSession((s) => s.workflowId);
  const thresholdOverride = useThresholdOverride(workflowId, nodeId);
  const shape = shapeOfTrigger(trigger?.data.config, trigger?.type);
  const choices = useConnectorChoices();
  const connectors = useMemo(
    () =>
      choices?.map((c) => ({
        id: c.id,
        name: c.name,
        complete: c.completeness.complete,
        missing: c.completeness.missing,
        operations: c.operations,
      })),
    [choices],
  );
  return useMemo(
    () => ({
      itemFields: shape?.fields ?? [],
      textField: shape?.textField,
      nodeIds: nodeIdsKey.split(",").filter((id) => id && id !== nodeId),
      readOnly,
      thresholdOverride,
      connectors,
      workflowId,
    }),
    [shape, nodeIdsKey, nodeId, readOnly, thresholdOverride, connectors, workflowId],
  );
}
