"use client";

import { useQuery } from "@tanstack/react-query";
import { History, Undo2 } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { describeOutcome } from "./format";

const ACTIONS = { approve: "Approved", override: "Overrode", send_back: "Sent back" } as const;

/** The reviewer's own decisions, newest first; the last few seconds' ones can still be undone. */
export function HistoryPanel({
  now,
  onUndo,
  undoing,
}: {
  now: number;
  onUndo: (eventId: string) => void;
  undoing: boolean;
}) {
  const trpc = useTRPC();
  const history = useQuery(trpc.reviews.history.queryOptions(undefined, { refetchInterval: 15_000 }));
  if (history.isPending) return <LoadingState label="Loading your decisions…" />;
  if (history.isError)
    return <ErrorState message={history.error.message} onRetry={() => history.refetch()} />;
  if (history.data.length === 0) {
    return (
      <EmptyState icon={History} title="No decisions yet">
        Your approvals, overrides and send-backs appear here.
      </EmptyState>
    );
  }
  return (
    <Card className="overflow-hidden">
      <table className="w-full text-sm" aria-label="My decisions">
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2.5">When</th>
            <th className="px-4 py-2.5">Task</th>
            <th className="px-4 py-2.5">Decision</th>
            <th className="px-4 py-2.5">Comment</th>
            <th className="px-4 py-2.5">
              <span className="sr-only">Undo</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {history.data.map((row) => (
            <tr key={row.id} className={row.undone ? "text-slate-400" : undefined}>
              <td className="whitespace-nowrap px-4 py-2.5 text-slate-600">{formatDateTime(row.at)}</td>
              <td className="max-w-72 px-4 py-2.5">
                <div className="truncate font-medium" title={row.title ?? undefined}>
                  {row.title ?? "(task removed)"}
                </div>
                <div className="text-xs text-slate-500">
                  <span className="font-mono">{row.itemExternalId}</span> · {row.workflow ?? "—"}
                </div>
              </td>
              <td className="px-4 py-2.5">
                <div className="flex flex-wrap items-center gap-1.5">
                  <Badge
                    tone={
                      row.action === "approve" ? "success" : row.action === "override" ? "warning" : "neutral"
                    }
                  >
                    {ACTIONS[row.action as keyof typeof ACTIONS]}
                  </Badge>
                  {row.label ? <span>{describeOutcome(row.label)}</span> : null}
                  {row.undone ? <Badge>Undone</Badge> : null}
                </div>
              </td>
              <td className="max-w-56 truncate px-4 py-2.5 text-slate-600" title={row.comment ?? undefined}>
                {row.comment ?? ""}
              </td>
              <td className="px-4 py-2.5 text-right">
                {row.undoableUntil && row.undoableUntil.getTime() > now ? (
                  <Button size="sm" variant="secondary" onClick={() => onUndo(row.id)} disabled={undoing}>
                    <Undo2 className="h-4 w-4" aria-hidden /> Undo
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
