"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound, Plus, TriangleAlert } from "lucide-react";
import { useState, type FormEvent } from "react";
import { exampleItem } from "@/components/items/example-item";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { curlExample, newIdempotencyKey } from "./curl-example";

interface Created {
  name: string;
  prefix: string;
  secret: string;
  workflowId: string | null;
}

const selectClass =
  "h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm shadow-xs focus-visible:border-accent-500 focus-visible:outline-2 focus-visible:outline-accent-500/30";

/** "New key": a name and an optional workflow scope; then the secret, shown this once. */
export function NewApiKeyDialog() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const workflows = useQuery({ ...trpc.workflows.list.queryOptions(), enabled: open });
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: async (key, input) => {
        setCreated({ ...key, workflowId: input.workflowId });
        await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
      },
    }),
  );

  function onOpenChange(next: boolean) {
    setOpen(next);
    // The secret lives only in this dialog: closing it forgets it.
    if (!next) {
      setCreated(null);
      create.reset();
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const workflowId = String(form.get("workflowId") ?? "");
    create.mutate({ name: String(form.get("name") ?? ""), workflowId: workflowId || null });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <Plus className="h-4 w-4" aria-hidden /> New key
        </Button>
      </DialogTrigger>
      {created ? (
        <DialogContent
          title={`Key “${created.name}” created`}
          description="Copy the secret now and keep it somewhere safe."
          className="max-w-2xl"
        >
          <SecretOnce created={created} />
        </DialogContent>
      ) : (
        <DialogContent
          title="New API key"
          description="A system sends items to Switchboard with it, in an Authorization: Bearer header."
        >
          <form onSubmit={onSubmit} className="space-y-4">
            <div className="space-y-1.5">
              <label htmlFor="api-key-name" className="text-sm font-medium">
                Name
              </label>
              <Input
                id="api-key-name"
                name="name"
                required
                maxLength={120}
                placeholder="e.g. Zendesk production"
                autoComplete="off"
              />
              <p className="text-xs text-slate-500">
                Say which system uses it, so you know what revoking breaks.
              </p>
            </div>
            <div className="space-y-1.5">
              <label htmlFor="api-key-workflow" className="text-sm font-medium">
                May send items to
              </label>
              <select id="api-key-workflow" name="workflowId" className={selectClass} defaultValue="">
                <option value="">All workflows</option>
                {workflows.data?.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name}
                  </option>
                ))}
              </select>
              <p className="text-xs text-slate-500">
                {workflows.isError
                  ? `The workflows could not be loaded (${workflows.error.message}).`
                  : "A key for one workflow cannot send items to any other."}
              </p>
            </div>
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button type="button" variant="secondary">
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" disabled={create.isPending}>
                <KeyRound className="h-4 w-4" aria-hidden />
                {create.isPending ? "Creating…" : "Create key"}
              </Button>
            </div>
          </form>
        </DialogContent>
      )}
    </Dialog>
  );
}

function SecretOnce({ created }: { created: Created }) {
  const trpc = useTRPC();
  const target = useQuery({
    ...trpc.items.uploadTarget.queryOptions({ workflowId: created.workflowId ?? "" }),
    enabled: created.workflowId !== null,
  });
  // Fixed for the life of the dialog, so the command does not change under the reader's cursor.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const fields = target.data?.fields ?? [];
  const curl = curlExample({
    origin: window.location.origin,
    workflowId: created.workflowId,
    secret: created.secret,
    item: fields.length > 0 ? exampleItem(fields) : null,
    idempotencyKey,
  });

  return (
    <div className="space-y-4">
      <div
        role="alert"
        className="flex gap-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
      >
        <TriangleAlert className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
        <p>
          <strong>This secret will not be shown again.</strong> Switchboard keeps only a hash of it. If it is
          lost, revoke this key and create a new one.
        </p>
      </div>
      <div className="space-y-1.5">
        <p className="text-sm font-medium" id="api-key-secret-label">
          Secret
        </p>
        <div className="flex items-center gap-2">
          <code
            aria-labelledby="api-key-secret-label"
            data-testid="api-key-secret"
            className="min-w-0 flex-1 select-all break-all rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-sm"
          >
            {created.secret}
          </code>
          <CopyButton text={created.secret} label="Copy secret" />
        </div>
      </div>
      <div className="space-y-1.5">
        <div className="flex items-center justify-between">
          <p className="text-sm font-medium">Send an item</p>
          <CopyButton text={curl} label="Copy command" />
        </div>
        <pre className="max-h-64 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100">
          {curl}
        </pre>
        <p className="text-xs text-slate-500">
          Use a new <code>Idempotency-Key</code> for each item: a request retried with the same key gets the
          first answer and creates nothing.
          {created.workflowId ? null : " Put the workflow's id in the address."}
        </p>
      </div>
      <div className="flex justify-end">
        <DialogClose asChild>
          <Button type="button">I have copied the secret</Button>
        </DialogClose>
      </div>
    </div>
  );
}
