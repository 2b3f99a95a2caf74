"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Cpu } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";

const KIND_LABEL = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  "openai-compatible": "OpenAI-compatible",
} as const;

export function ProvidersTable() {
  const trpc = useTRPC();
  const providers = useQuery(trpc.modelProviders.list.queryOptions());
  if (providers.isPending) return <LoadingState label="Loading providers…" />;
  if (providers.isError)
    return <ErrorState message={providers.error.message} onRetry={() => providers.refetch()} />;
  if (providers.data.length === 0)
    return (
      <EmptyState icon={Cpu} title="No LLM providers yet">
        <p>
          Workflows use the embedded model without one. Add OpenAI, Anthropic or a local server to pick LLMs
          per node.
        </p>
      </EmptyState>
    );
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2.5">Provider</th>
            <th className="px-4 py-2.5">Default model</th>
            <th className="px-4 py-2.5">Limits</th>
            <th className="px-4 py-2.5">API key</th>
            <th className="px-4 py-2.5">Usage</th>
            <th className="px-4 py-2.5">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {providers.data.map((p) => (
            <tr key={p.id} data-testid={`provider-${p.name}`}>
              <td className="px-4 py-3">
                <span className="font-medium">{p.name}</span>
                <span className="block text-xs text-slate-500">
                  {KIND_LABEL[p.kind]}
                  {p.baseUrl ? ` · ${p.baseUrl}` : ""}
                </span>
              </td>
              <td className="px-4 py-3 font-mono text-xs">{p.defaultModel}</td>
              <td className="px-4 py-3 text-slate-600">
                {p.concurrency} at once per process · {p.requestsPerMinute}/min across all workers ·{" "}
                {Math.round(p.timeoutMs / 1000)} s
              </td>
              <td className="px-4 py-3">
                <ProviderKey providerId={p.id} set={p.apiKey.set} />
              </td>
              <td className="px-4 py-3 text-slate-600">
                {p.usage.calls} calls{p.usage.errors ? `, ${p.usage.errors} failed` : ""}
                <span className="block text-xs text-slate-500">
                  {p.usage.inputTokens + p.usage.outputTokens} tokens · ${p.usage.costUsd.toFixed(4)}
                </span>
              </td>
              <td className="px-4 py-3 text-right">
                <div className="flex justify-end gap-1">
                  <TestProviderButton providerId={p.id} />
                  <DeleteProviderButton providerId={p.id} name={p.name} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

/** Write-only: shows set / not set, takes a new key, never displays one. */
function ProviderKey({ providerId, set }: { providerId: string; set: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [value, setValue] = useState("");
  const [editing, setEditing] = useState(false);
  const save = useMutation(
    trpc.modelProviders.setKey.mutationOptions({
      onSuccess: async () => {
        toast.success("Key saved.");
        setValue("");
        setEditing(false);
        await queryClient.invalidateQueries({ queryKey: trpc.modelProviders.list.queryKey() });
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  if (!editing)
    return (
      <div className="flex items-center gap-2">
        {set ? <Badge tone="success">Set</Badge> : <Badge>Not set</Badge>}
        <Button type="button" variant="ghost" size="sm" onClick={() => setEditing(true)}>
          {set ? "Replace" : "Set"}
        </Button>
      </div>
    );
  return (
    <form
      className="flex items-center gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        if (value) save.mutate({ providerId, apiKey: value });
      }}
    >
      <Input
        type="password"
        autoComplete="off"
        aria-label="New API key"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        className="h-8 w-40"
      />
      <Button type="submit" size="sm" disabled={!value || save.isPending}>
        Save
      </Button>
    </form>
  );
}

function TestProviderButton({ providerId }: { providerId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const test = useMutation(
    trpc.modelProviders.test.mutationOptions({
      onSuccess: async (result) => {
        if (result.ok)
          toast.success(
            `${result.model}: "${result.label}" at ${result.confidence.toFixed(2)}${result.calibrated ? "" : " (stated, uncalibrated)"} in ${result.latencyMs} ms`,
          );
        else toast.error(`${result.model}: ${result.error}`);
        await queryClient.invalidateQueries({ queryKey: trpc.modelProviders.list.queryKey() });
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  return (
    <Button
      type="button"
      variant="secondary"
      size="sm"
      disabled={test.isPending}
      onClick={() => test.mutate({ providerId })}
    >
      {test.isPending ? "Testing…" : "Test call"}
    </Button>
  );
}

function DeleteProviderButton({ providerId, name }: { providerId: string; name: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation(
    trpc.modelProviders.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(`${name} removed.`);
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.modelProviders.list.queryKey() });
      },
    }),
  );
  return (
    <>
      <Button type="button" variant="ghost" size="sm" onClick={() => setOpen(true)}>
        Remove
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Remove ${name}?`}
        description="Nodes that use it take their fallback, or their model-error output, until they are pointed elsewhere. Its key is deleted."
        confirmLabel="Remove provider"
        pendingLabel="Removing…"
        pending={remove.isPending}
        onConfirm={() => remove.mutate({ providerId })}
      />
    </>
  );
}
