"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { BookmarkPlus, ChevronRight, Download, ExternalLink } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { formatCount } from "./format";

type KindFilter = "all" | "wrong" | "escalated";
const KIND_OPTIONS: { value: KindFilter; label: string }[] = [
  { value: "wrong", label: "Wrong outcome" },
  { value: "escalated", label: "Handed to a person" },
  { value: "all", label: "All differences" },
];

/**
 * Every item whose outcome differs from history: filter by what happened and what the workflow did, read
 * its trace, turn it into an edge-case test, or open the node that decided on the canvas.
 */
export function MismatchExplorer({ runId, workflowId }: { runId: string; workflowId: string }) {
  const trpc = useTRPC();
  const [kind, setKind] = useState<KindFilter>("wrong");
  const [pair, setPair] = useState<string>("");
  const [pages, setPages] = useState<number[]>([-1]);
  const after = pages[pages.length - 1]!;
  const [actual, predicted] = pair ? (JSON.parse(pair) as [string, string]) : [undefined, undefined];
  const pairs = useQuery(trpc.backtests.mismatchPairs.queryOptions({ runId }));
  const list = useQuery(
    trpc.backtests.mismatches.queryOptions({
      runId,
      kinds: kind === "all" ? undefined : [kind],
      actual,
      predicted,
      after: after === -1 ? undefined : after,
      limit: 10,
    }),
  );
  const addCase = useMutation(
    trpc.backtests.toTestCase.mutationOptions({
      onSuccess: () => toast.success("Added to the workflow’s spec test cases as an edge case."),
    }),
  );
  const reset = () => setPages([-1]);
  const exportQuery = new URLSearchParams([
    ...(kind === "all" ? [] : [["kind", kind]]),
    ...(actual !== undefined ? [["actual", actual]] : []),
    ...(predicted !== undefined ? [["predicted", predicted]] : []),
  ]).toString();
  const exportHref = `/api/backtests/${encodeURIComponent(runId)}/mismatches.csv${exportQuery ? `?${exportQuery}` : ""}`;
  const pairOptions = (pairs.data ?? []).filter((p) => kind === "all" || p.kind === kind);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <fieldset
          className="flex items-center gap-1 rounded-md border border-slate-200 p-0.5"
          aria-label="Kind of difference"
        >
          {KIND_OPTIONS.map((o) => (
            <label
              key={o.value}
              className={`cursor-pointer rounded px-2.5 py-1 text-sm focus-within:outline-2 focus-within:outline-accent-500 ${kind === o.value ? "bg-accent-50 font-medium text-accent-700" : "text-slate-700"}`}
            >
              <input
                type="radio"
                name="mismatch-kind"
                value={o.value}
                checked={kind === o.value}
                onChange={() => {
                  setKind(o.value);
                  setPair("");
                  reset();
                }}
                className="sr-only"
              />
              {o.label}
            </label>
          ))}
        </fieldset>
        <div className="space-y-1">
          <label htmlFor="mismatch-pair" className="text-xs font-medium text-slate-600">
            Actual → workflow
          </label>
          <select
            id="mismatch-pair"
            value={pair}
            onChange={(e) => {
              setPair(e.target.value);
              reset();
            }}
            className="h-8 max-w-96 rounded-md border border-slate-300 bg-white px-2 text-sm"
          >
            <option value="">Every pair</option>
            {pairOptions.map((p) => (
              <option
                key={`${p.actual}|${p.predicted}|${p.kind}`}
                value={JSON.stringify([p.actual, p.predicted])}
              >
                {p.actual} → {p.predicted} ({formatCount(p.count)})
              </option>
            ))}
          </select>
        </div>
        {list.data ? (
          <p className="pb-1 text-sm text-slate-600">{formatCount(list.data.total)} items</p>
        ) : null}
        {list.data && list.data.total > 0 ? (
          <Button size="sm" variant="secondary" className="ml-auto" asChild>
            {/* A plain download: the browser sends the session cookie; the file streams, whatever its size. */}
            <a href={exportHref} download>
              <Download className="h-4 w-4" aria-hidden /> Export CSV
            </a>
          </Button>
        ) : null}
      </div>

      {list.isPending ? <LoadingState label="Loading items…" /> : null}
      {list.isError ? <ErrorState message={list.error.message} onRetry={() => list.refetch()} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">No item differs this way.</p>
      ) : null}
      {list.data ? (
        <ul
          className="divide-y divide-slate-100 rounded-lg border border-slate-200"
          data-testid="mismatch-list"
        >
          {list.data.items.map((m) => {
            const decider =
              m.trace?.steps.findLast((s) => s.confidence !== undefined || s.type === "rule")?.nodeId ??
              m.nodeId;
            return (
              <li key={m.rowId} className="p-3">
                <details>
                  <summary className="flex cursor-pointer list-none items-start gap-3">
                    <ChevronRight
                      className="mt-0.5 h-4 w-4 shrink-0 text-slate-400 transition-transform [details[open]_&]:rotate-90"
                      aria-hidden
                    />
                    <div className="min-w-0 flex-1">
                      <div className="flex flex-wrap items-center gap-2 text-sm">
                        <span className="font-mono text-xs text-slate-600">{m.itemId}</span>
                        <span className="font-medium">{m.actualLabel}</span>
                        <span className="text-slate-400">→</span>
                        <span
                          className={
                            m.kind === "wrong" ? "font-medium text-red-700" : "font-medium text-slate-700"
                          }
                        >
                          {m.predictedLabel}
                        </span>
                        {m.reasonType ? <Badge>{m.reasonType}</Badge> : null}
                        <span className="text-xs text-slate-500">
                          {new Date(m.occurredAt).toISOString().slice(0, 16).replace("T", " ")} UTC
                        </span>
                      </div>
                      <p className="mt-1 line-clamp-2 text-sm text-slate-600">
                        {m.text ??
                          Object.entries(m.fields)
                            .slice(0, 6)
                            .map(([k, v]) => `${k}: ${v}`)
                            .join(" · ")}
                      </p>
                    </div>
                  </summary>
                  <div className="mt-3 space-y-3 pl-7">
                    {m.trace?.reason ? <p className="text-sm text-slate-700">Why: {m.trace.reason}</p> : null}
                    {m.trace?.suggested ? (
                      <p className="text-sm text-slate-700">
                        Its best guess would have been: {m.trace.suggested}
                      </p>
                    ) : null}
                    <ol className="space-y-1 text-sm" aria-label="Trace">
                      {(m.trace?.steps ?? []).map((s, i) => (
                        <li key={i} className="flex gap-2">
                          <span className="w-5 text-right text-xs text-slate-400">{i + 1}</span>
                          <span className="font-medium">{s.nodeId}</span>
                          <span className="text-slate-500">{s.type}</span>
                          {s.handle ? <code className="text-xs">→ {s.handle}</code> : null}
                          {s.detail ? <span className="text-slate-600">— {s.detail}</span> : null}
                        </li>
                      ))}
                    </ol>
                    {Object.keys(m.fields).length > 0 ? (
                      <p className="text-xs text-slate-500">
                        {Object.entries(m.fields)
                          .map(([k, v]) => `${k}: ${v}`)
                          .join(" · ")}
                      </p>
                    ) : null}
                    <div className="flex gap-2">
                      <Button
                        size="sm"
                        variant="secondary"
                        disabled={addCase.isPending}
                        onClick={() => addCase.mutate({ runId, rowId: m.rowId })}
                      >
                        <BookmarkPlus className="h-4 w-4" aria-hidden /> Make it a test case
                      </Button>
                      {decider ? (
                        <Button size="sm" variant="ghost" asChild>
                          <Link href={`/workflows/${workflowId}?node=${encodeURIComponent(decider)}`}>
                            <ExternalLink className="h-4 w-4" aria-hidden /> Open {decider} on the canvas
                          </Link>
                        </Button>
                      ) : null}
                    </div>
                  </div>
                </details>
              </li>
            );
          })}
        </ul>
      ) : null}
      {list.data && (pages.length > 1 || list.data.nextAfter !== null) ? (
        <div className="flex justify-end gap-2">
          <Button
            size="sm"
            variant="secondary"
            disabled={pages.length <= 1}
            onClick={() => setPages((p) => p.slice(0, -1))}
          >
            Previous
          </Button>
          <Button
            size="sm"
            variant="secondary"
            disabled={list.data.nextAfter === null}
            onClick={() => setPages((p) => [...p, list.data!.nextAfter!])}
          >
            Next
          </Button>
        </div>
      ) : null}
    </div>
  );
}
