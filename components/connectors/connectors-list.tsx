"use client";

import { useQuery } from "@tanstack/react-query";
import { Plug } from "lucide-react";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { CompletenessBadge } from "./completeness-badge";

const AUTH_WORDS = {
  none: "No auth",
  api_key: "API key",
  bearer: "Bearer token",
  basic: "Basic",
  oauth2_client_credentials: "OAuth2",
} as const;

export function ConnectorsList() {
  const trpc = useTRPC();
  const connectors = useQuery(trpc.connectors.list.queryOptions());

  if (connectors.isPending) return <LoadingState label="Loading connectors…" />;
  if (connectors.isError)
    return <ErrorState message={connectors.error.message} onRetry={() => connectors.refetch()} />;
  if (connectors.data.length === 0) {
    return (
      <EmptyState icon={Plug} title="No connectors yet">
        <p>
          A connector describes one system workflows may call: its API, its limits, and what to do when it
          fails.
        </p>
        <Button asChild className="mt-4">
          <Link href="/admin/connectors/new">New connector</Link>
        </Button>
      </EmptyState>
    );
  }

  return (
    <Card className="overflow-hidden">
      <table className="w-full text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2.5">Name</th>
            <th className="px-4 py-2.5">Operations</th>
            <th className="px-4 py-2.5">Auth</th>
            <th className="px-4 py-2.5">Profile</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {connectors.data.map((connector) => (
            <tr key={connector.id}>
              <td className="px-4 py-3">
                <Link
                  href={`/admin/connectors/${connector.id}`}
                  className="font-medium text-accent-700 hover:underline"
                >
                  {connector.name}
                </Link>
                {connector.description ? (
                  <p className="mt-0.5 line-clamp-1 text-xs text-slate-500">{connector.description}</p>
                ) : null}
              </td>
              <td className="px-4 py-3 text-slate-600">
                {connector.access === "human_only"
                  ? "Human-only"
                  : connector.operations
                      .map((operation) => `${operation.name} (${operation.kind})`)
                      .join(", ") || "None"}
              </td>
              <td className="px-4 py-3 text-slate-600">{AUTH_WORDS[connector.authMethod]}</td>
              <td className="px-4 py-3">
                <CompletenessBadge completeness={connector.completeness} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
