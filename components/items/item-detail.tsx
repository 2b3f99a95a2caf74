"use client";

import { useQuery } from "@tanstack/react-query";
import { describeOutcome } from "@/components/editor/panels/outcome-summary";
import { useTRPC } from "@/components/providers/trpc";
import { formatDateTime } from "@/components/ui/format";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { ItemStatusBadge } from "./item-status-badge";

function preview(value: unknown): string {
  if (value === undefined) return "";
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** One item: its fields, what the workflow did (outcome and the path it took) and what the humans decided. */
export function ItemDetail({ itemId }: { itemId: string }) {
  const trpc = useTRPC();
  const item = useQuery(trpc.items.get.queryOptions({ itemId }));
  if (item.isPending) return <LoadingState label="Loading the item…" />;
  if (item.isError) return <ErrorState message={item.error.message} onRetry={() => item.refetch()} />;
  const data = item.data;
  const outcome = data.outcome ? describeOutcome(data.outcome) : null;

  return (
    <div className="grid gap-4 text-sm lg:grid-cols-2">
      <section aria-label="Item" className="min-w-0 space-y-2">
        <p className="whitespace-pre-wrap break-words text-slate-800">{data.view.text || "(no text)"}</p>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-xs">
          {data.view.fields.map((field) => (
            <div key={field.name} className="contents">
              <dt className="font-medium text-slate-500">{field.name}</dt>
              <dd className="min-w-0 break-words text-slate-800">{field.value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-label="What happened" className="min-w-0 space-y-3">
        <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
          <ItemStatusBadge status={data.status} />
          <span>received {formatDateTime(data.receivedAt)}</span>
          {data.processedAt ? <span>· processed {formatDateTime(data.processedAt)}</span> : null}
          {data.attempts > 0 ? <span>· {data.attempts} failed attempts</span> : null}
        </div>
        {outcome ? (
          <div>
            <p className="font-medium text-slate-900">{outcome.title}</p>
            {outcome.detail ? <p className="break-words text-xs text-slate-600">{outcome.detail}</p> : null}
          </div>
        ) : (
          <p className="text-slate-500">No outcome yet.</p>
        )}
        {data.label ? (
          <p className="text-xs text-slate-600">
            Humans decided: <span className="font-medium text-slate-800">{data.label.label}</span>
            {data.labeledByName ? ` (${data.labeledByName})` : null}
          </p>
        ) : null}
        {data.lastError ? (
          <pre className="max-h-48 overflow-auto whitespace-pre-wrap break-words rounded-md bg-red-50 p-2 font-mono text-xs text-red-800">
            {data.lastError}
          </pre>
        ) : null}
        {data.trace && data.trace.steps.length > 0 ? (
          <ol className="space-y-1" aria-label="Path through the workflow">
            {data.trace.steps.map((step, i) => (
              <li key={`${step.nodeId}-${i}`} className="flex gap-2 text-xs">
                <span className="flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-slate-200 text-[10px] font-semibold text-slate-700">
                  {i + 1}
                </span>
                <div className="min-w-0">
                  <p>
                    <span className="font-medium text-slate-900">{step.name ?? step.nodeId}</span>{" "}
                    <span className="text-slate-500">
                      {step.handle ? `took “${step.handle}”` : step.type}
                      {step.confidence !== undefined ? ` · ${step.confidence.toFixed(2)}` : ""}
                      {step.threshold ? ` / ${step.threshold.value.toFixed(2)}` : ""}
                    </span>
                  </p>
                  {step.detail ? <p className="text-slate-600">{step.detail}</p> : null}
                  {step.output !== undefined ? (
                    <p className="break-all font-mono text-[10px] text-slate-500">{preview(step.output)}</p>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        ) : null}
      </section>
    </div>
  );
}
