"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FlaskConical } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import type { RunningShadowReport } from "./use-lifecycle";

type Row = RunningShadowReport["disagreements"]["rows"][number];

function Trace({ row }: { row: Row }) {
  return (
    <details className="mt-1 text-xs">
      <summary className="cursor-pointer text-slate-500 hover:text-slate-800">
        Trace ({row.steps.length} steps)
      </summary>
      <ol className="mt-1 space-y-0.5 font-mono text-[11px] text-slate-700">
        {row.steps.map((s, i) => (
          <li key={`${s.nodeId}-${i}`}>
            {s.nodeId} <span className="text-slate-400">({s.type})</span>
            {s.handle ? ` → ${s.handle}` : ""}
            {s.confidence !== undefined ? ` at ${s.confidence.toFixed(2)}` : ""}
            {s.threshold !== undefined ? ` / ${s.threshold.toFixed(2)}` : ""}
            {s.detail ? <span className="block pl-3 font-sans text-slate-500">{s.detail}</span> : null}
          </li>
        ))}
      </ol>
      {row.reason ? <p className="mt-1 text-slate-600">{row.reason}</p> : null}
    </details>
  );
}

/** Where the workflow and the people disagreed, newest first; one click turns a row into a test case. */
export function DisagreementsTable({
  workflowId,
  disagreements,
}: {
  workflowId: string;
  disagreements: RunningShadowReport["disagreements"];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [made, setMade] = useState<ReadonlySet<string>>(new Set());
  const add = useMutation(
    trpc.workflows.addTestCase.mutationOptions({
      onSuccess: async (_data, variables) => {
        toast.success(`Test case added: ${variables.testCase.name}`);
        await queryClient.invalidateQueries({ queryKey: trpc.workflows.get.queryKey({ workflowId }) });
      },
    }),
  );
  if (disagreements.rows.length === 0) {
    return <p className="text-sm text-slate-500">No disagreement so far among the labelled items.</p>;
  }
  return (
    <div>
      <table className="w-full table-fixed text-sm" data-testid="disagreements">
        <caption className="mb-2 text-left text-xs text-slate-600">
          {disagreements.total > disagreements.rows.length
            ? `The latest ${disagreements.rows.length} of ${disagreements.total} disagreements.`
            : `${disagreements.total} ${disagreements.total === 1 ? "disagreement" : "disagreements"}.`}
        </caption>
        <thead className="border-b border-slate-200 text-left text-xs text-slate-500">
          <tr>
            <th className="w-[42%] py-1.5 font-medium">Item</th>
            <th className="py-1.5 font-medium">People decided</th>
            <th className="py-1.5 font-medium">Workflow gave</th>
            <th className="w-36 py-1.5 font-medium">
              <span className="sr-only">Action</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {disagreements.rows.map((row) => {
            const done = made.has(row.itemId);
            return (
              <tr key={row.itemId}>
                <td className="py-2 pr-3">
                  <span className="font-mono text-xs text-slate-500">{row.externalId}</span>
                  <p className="line-clamp-2 break-words text-slate-800" title={row.text}>
                    {row.text || "(no text)"}
                  </p>
                  <Trace row={row} />
                </td>
                <td className="py-2 pr-3 text-emerald-800">{row.expected}</td>
                <td className="py-2 pr-3 text-red-800">{row.got}</td>
                <td className="py-2 text-right">
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={done || add.isPending}
                    onClick={() =>
                      add.mutate(
                        { workflowId, testCase: row.testCase },
                        { onSuccess: () => setMade((s) => new Set(s).add(row.itemId)) },
                      )
                    }
                  >
                    <FlaskConical className="h-4 w-4" aria-hidden />{" "}
                    {done ? "Test case made" : "Make test case"}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
