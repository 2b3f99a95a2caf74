"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "@/components/providers/trpc";
import type { AppRouter } from "@/server/root";

export type ConnectorChoice = inferRouterOutputs<AppRouter>["connectors"]["list"][number];

/** The connectors owners may pick in a node, with their operations and profile completeness. */
export function useConnectorChoices(): readonly ConnectorChoice[] | undefined {
  const trpc = useTRPC();
  return useQuery({ ...trpc.connectors.list.queryOptions(), staleTime: 60_000, retry: false }).data;
}
