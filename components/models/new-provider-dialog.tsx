"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";

const selectClass =
  "h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm shadow-xs focus-visible:border-accent-500 focus-visible:outline-2 focus-visible:outline-accent-500/30";

type Kind = "openai" | "anthropic" | "openai-compatible";
const KINDS: Array<{ value: Kind; label: string; model: string }> = [
  { value: "openai", label: "OpenAI", model: "gpt-4o-mini" },
  { value: "anthropic", label: "Anthropic", model: "claude-3-5-haiku-latest" },
  { value: "openai-compatible", label: "OpenAI-compatible (Ollama, vLLM, LM Studio)", model: "llama3.1" },
];

function Field({
  id,
  label,
  hint,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
    </div>
  );
}

/** "Add provider": the key is sent once and stored encrypted; it is never shown again. */
export function NewProviderDialog() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Kind>("openai");
  const create = useMutation(
    trpc.modelProviders.create.mutationOptions({
      onSuccess: async () => {
        toast.success("Provider added.");
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.modelProviders.list.queryKey() });
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const number = (name: string) => Number(text(name));
    create.mutate({
      name: text("name"),
      kind,
      baseUrl: text("baseUrl") || null,
      defaultModel: text("defaultModel"),
      concurrency: number("concurrency"),
      requestsPerMinute: number("requestsPerMinute"),
      timeoutMs: number("timeoutSeconds") * 1000,
      inputCostPerMillion: number("inputCost"),
      outputCostPerMillion: number("outputCost"),
      apiKey: text("apiKey") || undefined,
    });
  }

  const preset = KINDS.find((k) => k.value === kind)!;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus className="h-4 w-4" aria-hidden /> Add provider
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Add a model provider"
        description="Hosted or local LLMs, reached through the Vercel AI SDK."
      >
        <form onSubmit={onSubmit} className="space-y-3">
          <div className="grid grid-cols-2 gap-3">
            <Field id="provider-name" label="Name">
              <Input
                id="provider-name"
                name="name"
                required
                maxLength={120}
                placeholder="e.g. OpenAI production"
              />
            </Field>
            <Field id="provider-kind" label="Kind">
              <select
                id="provider-kind"
                className={selectClass}
                value={kind}
                onChange={(e) => setKind(e.target.value as Kind)}
              >
                {KINDS.map((k) => (
                  <option key={k.value} value={k.value}>
                    {k.label}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Field
            id="provider-base-url"
            label={kind === "openai-compatible" ? "Base URL" : "Base URL (optional)"}
            hint={
              kind === "openai-compatible"
                ? "e.g. http://localhost:11434/v1 for Ollama"
                : "Leave empty for the provider's own API."
            }
          >
            <Input id="provider-base-url" name="baseUrl" required={kind === "openai-compatible"} type="url" />
          </Field>
          <div className="grid grid-cols-2 gap-3">
            <Field id="provider-model" label="Default model">
              <Input
                id="provider-model"
                name="defaultModel"
                required
                key={kind}
                defaultValue={preset.model}
              />
            </Field>
            <Field id="provider-key" label="API key" hint="Stored encrypted; never shown again.">
              <Input id="provider-key" name="apiKey" type="password" autoComplete="off" />
            </Field>
          </div>
          <div className="grid grid-cols-3 gap-3">
            <Field id="provider-concurrency" label="Concurrent calls" hint="Per worker process.">
              <Input
                id="provider-concurrency"
                name="concurrency"
                type="number"
                min={1}
                max={64}
                defaultValue={4}
              />
            </Field>
            <Field id="provider-rpm" label="Requests / minute" hint="Shared by all workers.">
              <Input id="provider-rpm" name="requestsPerMinute" type="number" min={1} defaultValue={60} />
            </Field>
            <Field id="provider-timeout" label="Timeout (s)">
              <Input
                id="provider-timeout"
                name="timeoutSeconds"
                type="number"
                min={1}
                max={600}
                defaultValue={30}
              />
            </Field>
          </div>
          <div className="grid grid-cols-2 gap-3">
            <Field id="provider-input-cost" label="Input $ / 1M tokens">
              <Input
                id="provider-input-cost"
                name="inputCost"
                type="number"
                min={0}
                step="0.01"
                defaultValue={0}
              />
            </Field>
            <Field id="provider-output-cost" label="Output $ / 1M tokens">
              <Input
                id="provider-output-cost"
                name="outputCost"
                type="number"
                min={0}
                step="0.01"
                defaultValue={0}
              />
            </Field>
          </div>
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? "Adding…" : "Add provider"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
