"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChevronDown, ChevronRight, Inbox, RefreshCw } from "lucide-react";
import { Fragment, useState, type ReactNode } from "react";
import { describeOutcome } from "@/components/editor/panels/outcome-summary";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import type { ItemMode, ItemStatus } from "@/server/db/schema/items";
import { ItemDetail } from "./item-detail";
import { ITEM_STATUS_LABELS, ItemStatusBadge } from "./item-status-badge";

const STATUSES = Object.keys(ITEM_STATUS_LABELS) as ItemStatus[];

/**
 * A workflow's received items, newest first, a page at a time; a row opens to the item's fields, outcome
 * and path. `emptyAction` goes in the empty state (e.g. the upload dialog).
 */
export function ItemsTable({
  workflowId,
  mode,
  pageSize = 50,
  emptyAction,
}: {
  workflowId: string;
  /** Only live or only shadow items; both when absent. */
  mode?: ItemMode;
  pageSize?: number;
  emptyAction?: ReactNode;
}) {
  const trpc = useTRPC();
  const [status, setStatus] = useState<ItemStatus | "">("");
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const items = useQuery(
    trpc.items.list.queryOptions(
      { workflowId, mode, page, pageSize, statuses: status ? [status] : undefined },
      { placeholderData: keepPreviousData },
    ),
  );

  if (items.isPending) return <LoadingState label="Loading items…" />;
  if (items.isError) return <ErrorState message={items.error.message} onRetry={() => items.refetch()} />;

  const { statusCounts } = items.data;
  const total = Object.values(statusCounts).reduce((sum, n) => sum + (n ?? 0), 0);
  if (total === 0) {
    return (
      <EmptyState icon={Inbox} title="No items yet">
        <p>Items arrive through the ingest API (with an API key) or from an uploaded CSV file.</p>
        {emptyAction ? <div className="mt-4">{emptyAction}</div> : null}
      </EmptyState>
    );
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={`items-status-${workflowId}`} className="text-sm font-medium text-slate-700">
          Status
        </label>
        <select
          id={`items-status-${workflowId}`}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as ItemStatus | "");
            setPage(0);
          }}
          className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm"
        >
          <option value="">All ({total})</option>
          {STATUSES.filter((s) => statusCounts[s]).map((s) => (
            <option key={s} value={s}>
              {ITEM_STATUS_LABELS[s].label} ({statusCounts[s]})
            </option>
          ))}
        </select>
        <Button
          variant="ghost"
          size="sm"
          className="ml-auto"
          onClick={() => void items.refetch()}
          disabled={items.isFetching}
        >
          <RefreshCw className={items.isFetching ? "h-4 w-4 animate-spin" : "h-4 w-4"} aria-hidden /> Refresh
        </Button>
      </div>

      <Card className="overflow-x-auto">
        <table className="w-full text-sm" aria-busy={items.isPlaceholderData}>
          <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2.5">Item</th>
              <th className="px-4 py-2.5">Status</th>
              <th className="px-4 py-2.5">Mode</th>
              <th className="px-4 py-2.5">Received</th>
              <th className="px-4 py-2.5">Outcome</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.data.items.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-4 py-8 text-center text-slate-500">
                  No items with this status.
                </td>
              </tr>
            ) : null}
            {items.data.items.map((item) => {
              const expanded = open === item.id;
              const outcome = item.outcome ? describeOutcome(item.outcome) : null;
              return (
                <Fragment key={item.id}>
                  <tr>
                    <td className="max-w-80 px-4 py-3">
                      <button
                        type="button"
                        aria-expanded={expanded}
                        onClick={() => setOpen(expanded ? null : item.id)}
                        className="flex w-full min-w-0 items-start gap-1 text-left"
                      >
                        {expanded ? (
                          <ChevronDown className="mt-0.5 h-4 w-4 shrink-0 text-slate-400" aria-hidden />
                        ) : (
                          <ChevronRight className="mt-0.5 h-4 w-4 shrink-0 text-slate-400" aria-hidden />
                        )}
                        <span className="min-w-0">
                          <span className="block truncate font-medium text-slate-900">{item.title}</span>
                          <code className="text-xs text-slate-500">{item.externalId}</code>
                        </span>
                      </button>
                    </td>
                    <td className="px-4 py-3">
                      <ItemStatusBadge status={item.status} />
                    </td>
                    <td className="px-4 py-3">
                      <Badge tone={item.mode === "live" ? "accent" : "neutral"}>{item.mode}</Badge>
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                      {formatDateTime(item.receivedAt)}
                    </td>
                    <td className="max-w-72 px-4 py-3">
                      {outcome ? (
                        <span
                          className="block truncate text-slate-800"
                          title={outcome.detail ?? outcome.title}
                        >
                          {outcome.title}
                        </span>
                      ) : (
                        <span className="text-slate-400">—</span>
                      )}
                      {item.label ? (
                        <span className="block truncate text-xs text-slate-500">
                          Humans: {item.label.label}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                  {expanded ? (
                    <tr>
                      <td colSpan={5} className="bg-slate-50/60 px-6 py-4">
                        <ItemDetail itemId={item.id} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </Card>

      {page > 0 || items.data.hasMore ? (
        <nav aria-label="Pages" className="flex items-center justify-end gap-2 text-sm">
          <span className="text-slate-600">Page {page + 1}</span>
          <Button variant="secondary" size="sm" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous
          </Button>
          <Button
            variant="secondary"
            size="sm"
            disabled={!items.data.hasMore || items.isPlaceholderData}
            onClick={() => setPage(page + 1)}
          >
            Next
          </Button>
        </nav>
      ) : null}
    </div>
  );
}
