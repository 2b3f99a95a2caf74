"use client";

import { useQuery } from "@tanstack/react-query";
import { History } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { describeOutcome } from "./format";

/** Precedent beside the task: the most similar items of this workflow a person already decided. */
export function SimilarCases({ taskId }: { taskId: string }) {
  const trpc = useTRPC();
  const similar = useQuery(trpc.reviews.similar.queryOptions({ taskId }, { staleTime: 60_000 }));
  if (similar.isPending)
    return (
      <p className="text-xs text-slate-500" role="status">
        Looking for similar cases…
      </p>
    );
  if (similar.isError)
    return <p className="text-xs text-red-700">Similar cases could not be loaded: {similar.error.message}</p>;
  if (similar.data.length === 0) {
    return (
      <p className="flex items-center gap-1.5 text-xs text-slate-500">
        <History className="h-3.5 w-3.5" aria-hidden /> No similar decided case yet.
      </p>
    );
  }
  return (
    <ul className="space-y-2" data-testid="similar-cases">
      {similar.data.map((c) => (
        <li key={c.itemId} className="rounded-md border border-slate-200 p-2 text-xs">
          <div className="flex items-center gap-2">
            <span className="min-w-0 flex-1 truncate font-medium text-slate-800" title={c.title}>
              {c.title}
            </span>
            <span className="tabular-nums text-slate-500" title="Similarity">
              {Math.round(c.score * 100)}%
            </span>
          </div>
          <div className="mt-1 flex flex-wrap items-center gap-1.5 text-slate-500">
            <Badge tone={c.labelSource === "reviewer_override" ? "warning" : "success"}>
              {describeOutcome(c.label)}
            </Badge>
            <span>
              {c.labelSource === "reviewer_override" ? "overridden" : "approved"}
              {c.labeledBy ? ` by ${c.labeledBy}` : ""}
            </span>
            <span className="font-mono">{c.externalId}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
