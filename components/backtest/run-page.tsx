"use client";

import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { RunDetail } from "./run-detail";

export function RunPage({ workflowId, runId }: { workflowId: string; runId: string }) {
  return (
    <div className="space-y-4">
      <Link
        href={`/backtests/${workflowId}`}
        className="inline-flex items-center gap-1 text-sm text-accent-700 hover:underline"
      >
        <ArrowLeft className="h-4 w-4" aria-hidden /> All backtests of this workflow
      </Link>
      <RunDetail runId={runId} full />
    </div>
  );
}
