"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import type { ThresholdInForce } from "@/lib/engine/run/outcome";

export type ThresholdOverrideInfo = ThresholdInForce & { setBy?: string | null; reason?: string };

/** The admins' overrides in force for a workflow (`thresholds.inForce`), shared by every threshold field. */
function useOverridesQuery(workflowId: string) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.thresholds.inForce.queryOptions({ workflowId }), staleTime: 30_000 });
}

/** The threshold in force for a node when an admin has overridden the graph's value; undefined otherwise. */
export function useThresholdOverride(workflowId: string, nodeId: string): ThresholdOverrideInfo | undefined {
  const found = useOverridesQuery(workflowId).data?.[nodeId];
  return found
    ? { value: found.value, source: "override", setBy: found.setBy, reason: found.reason }
    : undefined;
}

/** All overrides as `workflows.tryItem` takes them, so a tried item runs with the thresholds in force. */
export function useThresholdOverrides(workflowId: string): Record<string, number> | undefined {
  const data = useOverridesQuery(workflowId).data;
  if (!data || Object.keys(data).length === 0) return undefined;
  return Object.fromEntries(Object.entries(data).map(([nodeId, o]) => [nodeId, o.value]));
}
