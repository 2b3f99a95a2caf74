"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatDateTime } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { NewApiKeyDialog } from "./new-api-key-dialog";

export function ApiKeysTable() {
  const trpc = useTRPC();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());

  if (keys.isPending) return <LoadingState label="Loading API keys…" />;
  if (keys.isError) return <ErrorState message={keys.error.message} onRetry={() => keys.refetch()} />;
  if (keys.data.length === 0) {
    return (
      <EmptyState icon={KeyRound} title="No API keys yet">
        <p>
          Systems send items to a workflow through the ingest API with a key. Create one per system, so each
          can be revoked on its own.
        </p>
        <div className="mt-4">
          <NewApiKeyDialog />
        </div>
      </EmptyState>
    );
  }

  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2.5">Name</th>
            <th className="px-4 py-2.5">Key</th>
            <th className="px-4 py-2.5">Scope</th>
            <th className="px-4 py-2.5">Created</th>
            <th className="px-4 py-2.5">Last used</th>
            <th className="px-4 py-2.5">Status</th>
            <th className="px-4 py-2.5">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {keys.data.map((key) => (
            <tr key={key.id} className={key.revokedAt ? "text-slate-500" : undefined}>
              <td className="px-4 py-3 font-medium">{key.name}</td>
              <td className="px-4 py-3">
                <code className="font-mono text-xs">{key.prefix}…</code>
              </td>
              <td className="px-4 py-3 text-slate-600">
                {key.workflowId ? (key.workflowName ?? "A deleted workflow") : "All workflows"}
              </td>
              <td className="px-4 py-3 text-slate-600">
                {formatDateTime(key.createdAt)}
                <span className="block text-xs text-slate-500">
                  by {key.createdByName ?? "a deleted user"}
                </span>
              </td>
              <td className="px-4 py-3 text-slate-600">
                {key.lastUsedAt ? formatDateTime(key.lastUsedAt) : "Never"}
              </td>
              <td className="px-4 py-3">
                {key.revokedAt ? (
                  <Badge title={`Revoked ${formatDateTime(key.revokedAt)}`}>Revoked</Badge>
                ) : (
                  <Badge tone="success">Active</Badge>
                )}
              </td>
              <td className="px-4 py-3 text-right">
                {key.revokedAt ? null : <RevokeApiKeyButton keyId={key.id} name={key.name} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

function RevokeApiKeyButton({ keyId, name }: { keyId: string; name: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: async () => {
        toast.success(`${name} revoked.`);
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
      },
    }),
  );
  return (
    <>
      <Button type="button" variant="ghost" size="sm" onClick={() => setOpen(true)}>
        Revoke
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Revoke ${name}?`}
        description="Requests with this key are refused from now on. This cannot be undone: the system using it will need a new key."
        confirmLabel="Revoke key"
        pendingLabel="Revoking…"
        pending={revoke.isPending}
        onConfirm={() => revoke.mutate({ keyId })}
      />
    </>
  );
}
