"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import type { AppRouter } from "@/server/root";

type Outputs = inferRouterOutputs<AppRouter>["monitoring"];
type Inputs = inferRouterInputs<AppRouter>["monitoring"];
export type Dashboard = Outputs["dashboard"];
export type DashboardInput = Inputs["dashboard"];
export type OverviewRow = Outputs["overview"][number];
export type MonitoringAlert = Outputs["alerts"][number];
export type MonitoringSettings = Outputs["settings"]["settings"];
export type SeriesPoint = Dashboard["series"][number];
export type ConnectorTimeline = Dashboard["connectorTimelines"][number];

export function useDashboard(input: DashboardInput) {
  const trpc = useTRPC();
  // Keep the previous range on screen while the next loads, so the charts do not flash empty.
  return useQuery({ ...trpc.monitoring.dashboard.queryOptions(input), placeholderData: keepPreviousData });
}

export function useMonitoringOverview() {
  const trpc = useTRPC();
  return useQuery(trpc.monitoring.overview.queryOptions());
}

export function useMonitoringAlerts() {
  const trpc = useTRPC();
  return useQuery(trpc.monitoring.alerts.queryOptions({}));
}

export function useMonitoringSettings(workflowId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.monitoring.settings.queryOptions({ workflowId }));
}

export function useSaveMonitoringSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.monitoring.saveSettings.mutationOptions({
      onSuccess: () => {
        toast.success("Monitoring settings saved: the next evaluation uses them.");
        return queryClient.invalidateQueries({ queryKey: trpc.monitoring.pathKey() });
      },
      onError: (error) => toast.error(error.message),
    }),
  );
}

export function useMarkAlertsRead() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.monitoring.markAlertsRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.monitoring.pathKey() }),
      onError: (error) => toast.error(error.message),
    }),
  );
}
