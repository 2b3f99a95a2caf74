"use client";

import { useMutation } from "@tanstack/react-query";
import { Download, Upload } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import type { TestCase } from "@/lib/engine/graph/test-case-schema";
import { useEditorStores } from "../store/editor-provider";
import { WideDialog } from "../ui/wide-dialog";
import { parseWorkflowFile, type ParsedImport } from "./parse-import";

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "workflow";

/** Export the canvas with its test cases as JSON; import a file as a new draft (with its new test cases). */
export function ImportExport({
  workflow,
  testCases,
  dirty,
  onImported,
}: {
  workflow: { id: string; name: string; description: string | null };
  testCases: readonly TestCase[];
  dirty: boolean;
  onImported(): Promise<unknown>;
}) {
  const trpc = useTRPC();
  const { graph } = useEditorStores();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; parsed: ParsedImport } | null>(null);
  const importMutation = useMutation(trpc.workflows.import.mutationOptions());

  const exportFile = () => {
    const document = {
      ...graph.getState().toGraph(),
      id: workflow.id,
      name: workflow.name,
      description: workflow.description || undefined,
      testCases,
    };
    download(`${slug(workflow.name)}.switchboard.json`, `${JSON.stringify(document, null, 2)}\n`);
  };

  const onFile = async (chosen: File | undefined) => {
    if (!chosen) return;
    setFile({ name: chosen.name, parsed: parseWorkflowFile(await chosen.text()) });
    if (input.current) input.current.value = "";
  };

  const parsed = file?.parsed;
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        className="px-2"
        onClick={() => input.current?.click()}
        aria-label="Import"
        title="Import a workflow file (JSON) as a new draft"
      >
        <Upload className="h-4 w-4" aria-hidden />
      </Button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="hidden"
        aria-label="Import workflow file"
        data-testid="import-file"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      <Button
        variant="ghost"
        size="sm"
        className="px-2"
        onClick={exportFile}
        aria-label="Export"
        title="Export the canvas and its test cases as JSON"
      >
        <Download className="h-4 w-4" aria-hidden />
      </Button>
      <WideDialog
        open={file !== null}
        onOpenChange={(o) => !o && setFile(null)}
        title={parsed?.ok ? "Import workflow" : "This file cannot be imported"}
        description={file?.name}
      >
        {parsed && !parsed.ok ? (
          <div className="space-y-3">
            <p className="text-sm text-slate-700">It is not a Switchboard workflow file:</p>
            <ul
              role="alert"
              className="max-h-72 space-y-1 overflow-y-auto rounded-md border border-red-200 bg-red-50 p-3 font-mono text-xs text-red-800"
              data-testid="import-problems"
            >
              {parsed.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
            <div className="flex justify-end">
              <Button variant="secondary" onClick={() => setFile(null)}>
                Close
              </Button>
            </div>
          </div>
        ) : null}
        {parsed?.ok ? (
          <div className="space-y-3 text-sm text-slate-700">
            <p>
              {parsed.graph.nodes.length} nodes, {parsed.graph.edges.length} edges and{" "}
              {parsed.graph.testCases?.length ?? 0} test cases. The graph becomes a new draft version; test
              cases whose names are new are added.
            </p>
            {dirty ? (
              <p className="rounded-md bg-amber-50 p-2 text-amber-900">
                Your unsaved changes on the canvas will be replaced.
              </p>
            ) : null}
            {parsed.warnings.length > 0 ? (
              <div>
                <p className="font-medium">
                  It imports as a draft with {parsed.warnings.length} problem
                  {parsed.warnings.length > 1 ? "s" : ""} to fix:
                </p>
                <ul className="mt-1 max-h-40 list-disc space-y-0.5 overflow-y-auto pl-5 text-xs text-slate-600">
                  {parsed.warnings.slice(0, 20).map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setFile(null)}>
                Cancel
              </Button>
              <Button
                disabled={importMutation.isPending}
                onClick={async () => {
                  // A refusal is shown by the global error toast; the dialog stays open.
                  const saved = await importMutation
                    .mutateAsync({ document: parsed.graph, workflowId: workflow.id })
                    .catch(() => null);
                  if (!saved) return;
                  await onImported();
                  setFile(null);
                  toast.success("Imported as a new draft");
                }}
              >
                Import as new draft
              </Button>
            </div>
          </div>
        ) : null}
      </WideDialog>
    </>
  );
}
