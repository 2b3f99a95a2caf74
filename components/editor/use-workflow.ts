"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useCallback } from "react";
import { useTRPC } from "@/components/providers/trpc";
import type { AppRouter } from "@/server/root";

export type WorkflowData = inferRouterOutputs<AppRouter>["workflows"]["get"];
export type VersionSummary = WorkflowData["versions"][number];

/** The workflow with its newest version, history and test cases; shared (cached) by every tab. */
export function useWorkflowQuery(workflowId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.workflows.get.queryOptions({ workflowId }));
}

/** Refreshes the workflow query (after saves, publishes, test case edits) and returns the fresh data. */
export function useRefreshWorkflow(workflowId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async (): Promise<WorkflowData> => {
    const key = trpc.workflows.get.queryKey({ workflowId });
    await queryClient.invalidateQueries({ queryKey: key, exact: true });
    await queryClient.invalidateQueries({ queryKey: trpc.workflows.list.queryKey() });
    return queryClient.fetchQuery(trpc.workflows.get.queryOptions({ workflowId }));
  }, [queryClient, trpc, workflowId]);
}
