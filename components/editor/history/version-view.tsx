"use client";

import { useQuery } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import { ChevronLeft, Lock } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { CanvasWorkspace } from "../canvas-workspace";
import { useLiveValidation } from "../canvas/use-live-validation";
import { EditorProvider } from "../store/editor-provider";
import type { VersionSummary } from "../use-workflow";

/** One saved version on a read-only canvas (its own editor instance: nothing here touches the draft). */
export function VersionView({
  workflowId,
  version,
  onBack,
}: {
  workflowId: string;
  version: VersionSummary;
  onBack(): void;
}) {
  const trpc = useTRPC();
  const query = useQuery(trpc.workflows.get.queryOptions({ workflowId, versionId: version.id }));
  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="version-view">
      <div className="flex items-center gap-3 border-b border-slate-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
        <Button variant="ghost" size="sm" onClick={onBack}>
          <ChevronLeft className="h-4 w-4" aria-hidden /> History
        </Button>
        <Lock className="h-4 w-4" aria-hidden />
        <span>
          Version {version.version}, read-only{version.note ? ` — ${version.note}` : ""}
        </span>
      </div>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState message={query.error.message} /> : null}
      {query.data ? (
        <EditorProvider
          graph={query.data.version.graph}
          workflowId={workflowId}
          version={version.version}
          versionId={version.id}
          readOnly
        >
          <ReactFlowProvider>
            <Validated />
            <CanvasWorkspace readOnly testCases={[]} />
          </ReactFlowProvider>
        </EditorProvider>
      ) : null}
    </div>
  );
}

function Validated() {
  useLiveValidation();
  return null;
}
