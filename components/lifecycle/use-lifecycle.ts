"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useCallback } from "react";
import { useTRPC } from "@/components/providers/trpc";
import type { AppRouter } from "@/server/root";

type Outputs = inferRouterOutputs<AppRouter>["lifecycle"];
export type LifecycleOverview = Outputs["overview"];
export type ShadowReport = Outputs["shadowReport"];
export type RunningShadowReport = Extract<ShadowReport, { running: true }>;
export type StageEvent = Outputs["history"][number];
export type ReadinessStep = LifecycleOverview["steps"][number];
export type LifecycleAct = LifecycleOverview["legalActs"][number];

export function useLifecycleOverview(workflowId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.lifecycle.overview.queryOptions({ workflowId }));
}

export function useStageHistory(workflowId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.lifecycle.history.queryOptions({ workflowId }));
}

export function useShadowReport(workflowId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.lifecycle.shadowReport.queryOptions({ workflowId }));
}

/** After an act: the stage, the checklist, the audit and the report may all have changed. */
export function useRefreshLifecycle() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: trpc.lifecycle.pathKey() }),
    [queryClient, trpc],
  );
}

export interface ActValues {
  reason?: string;
  percent?: number;
  shortenReason?: string;
  versionId?: string;
}

/** One mutation per act, behind one function; the dialog shows the refusal itself (the gate's sentence). */
export function useLifecycleAct(workflowId: string) {
  const trpc = useTRPC();
  const meta = { handlesOwnErrors: true };
  const validate = useMutation(trpc.lifecycle.validate.mutationOptions({ meta })).mutateAsync;
  const startShadow = useMutation(trpc.lifecycle.startShadow.mutationOptions({ meta })).mutateAsync;
  const stopShadow = useMutation(trpc.lifecycle.stopShadow.mutationOptions({ meta })).mutateAsync;
  const cutOver = useMutation(trpc.lifecycle.cutOver.mutationOptions({ meta })).mutateAsync;
  const pause = useMutation(trpc.lifecycle.pause.mutationOptions({ meta })).mutateAsync;
  const resume = useMutation(trpc.lifecycle.resume.mutationOptions({ meta })).mutateAsync;
  const rollback = useMutation(trpc.lifecycle.rollback.mutationOptions({ meta })).mutateAsync;
  const setCanary = useMutation(trpc.lifecycle.setCanary.mutationOptions({ meta })).mutateAsync;
  return useCallback(
    async (act: LifecycleAct, values: ActValues): Promise<unknown> => {
      const reason = values.reason?.trim() || undefined;
      switch (act) {
        case "validate":
          return validate({ workflowId, reason });
        case "startShadow":
          return startShadow({ workflowId, reason, versionId: values.versionId });
        case "stopShadow":
          return stopShadow({ workflowId, reason });
        case "cutOver":
          return cutOver({
            workflowId,
            reason,
            canaryPercent: values.percent ?? 100,
            shortenReason: values.shortenReason?.trim() || undefined,
          });
        case "pause":
          return pause({ workflowId, reason: reason ?? "" });
        case "resume":
          return resume({ workflowId, reason });
        case "rollback":
          return rollback({ workflowId, reason: reason ?? "" });
        case "setCanary":
          return setCanary({ workflowId, reason, percent: values.percent ?? 100 });
      }
    },
    [workflowId, validate, startShadow, stopShadow, cutOver, pause, resume, rollback, setCanary],
  );
}
