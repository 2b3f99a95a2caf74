"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight, ScrollText } from "lucide-react";
import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { Input } from "@/components/ui/input";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import type { AuditAction } from "@/server/db/schema/audit";
import { actionLabel } from "./action-labels";
import { AuditDetailsList } from "./audit-details";

/** Where a target has a page of its own. */
function targetHref(type: string | null, id: string | null): string | null {
  if (!type || !id) return null;
  if (type === "workflow") return `/workflows/${id}`;
  if (type === "connector") return `/admin/connectors/${id}`;
  return null;
}

export function AuditLog() {
  const trpc = useTRPC();
  const [action, setAction] = useState<AuditAction | "">("");
  const [actorText, setActorText] = useState("");
  const actor = useDeferredValue(actorText.trim());
  /** The `before` cursor of each page walked so far; the last one is the page shown. */
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const before = cursors.at(-1);

  const actions = useQuery(trpc.audit.actions.queryOptions());
  const log = useQuery({
    ...trpc.audit.list.queryOptions({
      ...(action ? { action } : {}),
      ...(actor ? { actor } : {}),
      ...(before !== undefined ? { before } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(action || actor);
  const restart = () => setCursors([undefined]);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="audit-action" className="block text-sm font-medium text-slate-700">
            Action
          </label>
          <select
            id="audit-action"
            value={action}
            onChange={(e) => {
              setAction(e.target.value as AuditAction | "");
              restart();
            }}
            className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm focus-visible:outline-2 focus-visible:outline-accent-500/30"
          >
            <option value="">All actions</option>
            {actions.data?.map((a) => (
              <option key={a.action} value={a.action}>
                {actionLabel(a.action).label} ({a.count})
              </option>
            ))}
          </select>
        </div>
        <div className="w-72 space-y-1">
          <label htmlFor="audit-actor" className="block text-sm font-medium text-slate-700">
            Actor
          </label>
          <Input
            id="audit-actor"
            type="search"
            placeholder="Email, system, api-key:…"
            value={actorText}
            onChange={(e) => {
              setActorText(e.target.value);
              restart();
            }}
          />
        </div>
        {filtered ? (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              setAction("");
              setActorText("");
              restart();
            }}
          >
            Clear filters
          </Button>
        ) : null}
      </div>

      {log.isPending ? (
        <LoadingState label="Loading the audit log…" />
      ) : log.isError ? (
        <ErrorState message={log.error.message} onRetry={() => log.refetch()} />
      ) : log.data.events.length === 0 ? (
        <EmptyState
          icon={ScrollText}
          title={filtered ? "No entries match these filters" : "Nothing audited yet"}
        >
          <p>
            {filtered
              ? "Try another action or actor, or clear the filters."
              : "Sign-ins, role, connector, secret, key and threshold changes, publishes, lifecycle moves and review decisions appear here as they happen."}
          </p>
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Audit log, newest first</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2.5">
                  When
                </th>
                <th scope="col" className="px-4 py-2.5">
                  Actor
                </th>
                <th scope="col" className="px-4 py-2.5">
                  Action
                </th>
                <th scope="col" className="px-4 py-2.5">
                  Target
                </th>
                <th scope="col" className="px-4 py-2.5">
                  Details
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {log.data.events.map((event) => {
                const { label, tone } = actionLabel(event.action);
                const href = targetHref(event.targetType, event.targetId);
                return (
                  <tr key={event.id} className="align-top">
                    <td className="whitespace-nowrap px-4 py-2.5 text-slate-600">
                      <time dateTime={new Date(event.at).toISOString()}>{formatDateTime(event.at)}</time>
                    </td>
                    <td className="max-w-56 truncate px-4 py-2.5" title={event.actorLabel}>
                      {event.actorType === "system" ? (
                        <span className="italic text-slate-500">system</span>
                      ) : (
                        <span className="text-slate-900">{event.actorLabel}</span>
                      )}
                    </td>
                    <td className="whitespace-nowrap px-4 py-2.5">
                      <Badge tone={tone}>{label}</Badge>
                    </td>
                    <td className="max-w-48 px-4 py-2.5 text-xs text-slate-600">
                      {event.targetType ? (
                        <>
                          <span className="text-slate-400">{event.targetType.replace("_", " ")} </span>
                          {href ? (
                            <Link
                              href={href}
                              className="font-mono text-accent-700 hover:underline"
                              title={event.targetId ?? ""}
                            >
                              {event.targetId?.slice(0, 12)}
                            </Link>
                          ) : (
                            <code title={event.targetId ?? ""}>{event.targetId?.slice(0, 12)}</code>
                          )}
                        </>
                      ) : (
                        <span className="text-slate-400">—</span>
                      )}
                    </td>
                    <td className="px-4 py-2.5">
                      <AuditDetailsList details={event.details} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <nav
            aria-label="Audit log pages"
            className="flex items-center justify-between border-t border-slate-100 px-4 py-2 text-xs text-slate-500"
          >
            <span aria-live="polite">
              Page {cursors.length}
              {log.isFetching ? " · loading…" : ""}
            </span>
            <div className="flex gap-2">
              <Button
                variant="secondary"
                size="sm"
                disabled={cursors.length === 1}
                onClick={() => setCursors((c) => c.slice(0, -1))}
              >
                <ChevronLeft className="h-4 w-4" aria-hidden /> Newer
              </Button>
              <Button
                variant="secondary"
                size="sm"
                disabled={log.data.nextBefore === null}
                onClick={() => {
                  const next = log.data.nextBefore;
                  if (next !== null) setCursors((c) => [...c, next]);
                }}
              >
                Older <ChevronRight className="h-4 w-4" aria-hidden />
              </Button>
            </div>
          </nav>
        </Card>
      )}
    </div>
  );
}
