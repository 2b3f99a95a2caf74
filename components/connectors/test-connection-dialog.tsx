"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useMutation } from "@tanstack/react-query";
import { Loader, Play, TriangleAlert, X } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "./form-fields";
import { TestResult } from "./test-result";

/** Runs one operation once with sample input, and shows status, latency, mapped output and any error. */
export function TestConnectionDialog({
  connectorId,
  operation,
  kind,
  sampleInput,
}: {
  connectorId: string;
  operation: string;
  kind: "read" | "write";
  sampleInput: string;
}) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [input, setInput] = useState(sampleInput);
  const [inputProblem, setInputProblem] = useState<string | null>(null);
  const test = useMutation(trpc.connectors.test.mutationOptions());

  function run() {
    let parsed: unknown;
    try {
      parsed = input.trim() === "" ? {} : JSON.parse(input);
    } catch {
      return setInputProblem("The sample input is not valid JSON.");
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
      return setInputProblem('The sample input must be a JSON object, e.g. { "id": "42" }.');
    setInputProblem(null);
    test.mutate({ connectorId, operation, input: parsed as Record<string, never> });
  }

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setInput(sampleInput);
          test.reset();
        }
      }}
    >
      <Dialog.Trigger asChild>
        <Button type="button" variant="secondary" size="sm">
          <Play className="h-4 w-4" aria-hidden /> Test connection
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 max-h-[85vh] w-[min(42rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 space-y-4 overflow-y-auto rounded-lg bg-white p-6 shadow-xl">
          <div className="flex items-start justify-between gap-4">
            <div>
              <Dialog.Title className="text-base font-semibold text-slate-900">Test {operation}</Dialog.Title>
              <Dialog.Description className="mt-1 text-sm text-slate-600">
                Runs the saved operation once, without retries.
              </Dialog.Description>
            </div>
            <Dialog.Close asChild>
              <Button type="button" variant="ghost" size="sm" aria-label="Close">
                <X className="h-4 w-4" aria-hidden />
              </Button>
            </Dialog.Close>
          </div>
          {kind === "write" ? (
            <p
              role="note"
              className="flex items-start gap-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200"
            >
              <TriangleAlert className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
              This operation writes: testing it really changes data in the system.
            </p>
          ) : null}
          <Field label="Sample input (JSON)">
            {(props) => (
              <Textarea
                {...props}
                rows={5}
                value={input}
                aria-invalid={inputProblem ? true : undefined}
                onChange={(event) => setInput(event.target.value)}
              />
            )}
          </Field>
          {inputProblem ? (
            <p role="alert" className="text-sm text-red-700">
              {inputProblem}
            </p>
          ) : null}
          <Button type="button" onClick={run} disabled={test.isPending}>
            {test.isPending ? (
              <Loader className="h-4 w-4 animate-spin" aria-hidden />
            ) : (
              <Play className="h-4 w-4" aria-hidden />
            )}
            {test.isPending ? "Running…" : "Run once"}
          </Button>
          <div aria-live="polite">{test.data ? <TestResult result={test.data} /> : null}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
