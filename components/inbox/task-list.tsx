"use client";

import { CheckCheck, Inbox, ListChecks, Lock, Sparkles } from "lucide-react";
import { useEffect, useRef } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { REASON_LABELS, REASON_TONES } from "./format";
import { TimeLeftBadge } from "./time-left-badge";
import type { InboxTask } from "./types";

type TaskListProps = Parameters<typeof TaskList>[0];

/** The left pane: the count, bulk approve, and the list with its loading, error and empty states. */
export function TaskListPane({
  state,
  error,
  onRetry,
  truncated,
  checkedCount,
  canBulkApprove,
  onBulkApprove,
  filtered,
  onClearFilters,
  ...list
}: TaskListProps & {
  state: "loading" | "error" | "ready";
  error?: string;
  onRetry: () => void;
  truncated: boolean;
  checkedCount: number;
  canBulkApprove: boolean;
  onBulkApprove: () => void;
  filtered: boolean;
  onClearFilters: () => void;
}) {
  return (
    <Card className="flex min-h-0 flex-col overflow-hidden">
      <div className="flex items-center gap-2 border-b border-slate-200 px-3 py-2 text-xs text-slate-600">
        <ListChecks className="h-4 w-4 text-slate-400" aria-hidden />
        <span className="flex-1" data-testid="open-count">
          {state === "ready" ? `${list.tasks.length} open${truncated ? "+" : ""}` : "…"}
          {checkedCount > 0 ? ` · ${checkedCount} selected` : ""}
        </span>
        <Button size="sm" variant="secondary" disabled={!canBulkApprove} onClick={onBulkApprove}>
          <CheckCheck className="h-4 w-4" aria-hidden /> Approve selected
        </Button>
      </div>
      <div className="min-h-0 flex-1 overflow-auto">
        {state === "loading" ? (
          <LoadingState label="Loading tasks…" />
        ) : state === "error" ? (
          <div className="p-3">
            <ErrorState message={error ?? "The tasks could not be loaded."} onRetry={onRetry} />
          </div>
        ) : list.tasks.length === 0 ? (
          <div className="p-3">
            <EmptyState icon={Inbox} title={filtered ? "No task matches these filters" : "Inbox zero"}>
              {filtered ? (
                <button
                  type="button"
                  className="font-medium text-accent-700 underline"
                  onClick={onClearFilters}
                >
                  Clear the filters
                </button>
              ) : (
                "New escalations appear here on their own."
              )}
            </EmptyState>
          </div>
        ) : (
          <TaskList {...list} />
        )}
      </div>
    </Card>
  );
}

export function TaskList({
  tasks,
  selectedId,
  checked,
  viewerId,
  now,
  onSelect,
  onToggle,
}: {
  tasks: InboxTask[];
  selectedId: string | null;
  checked: ReadonlySet<string>;
  viewerId: string;
  now: number;
  onSelect: (id: string) => void;
  onToggle: (id: string) => void;
}) {
  const selectedRef = useRef<HTMLLIElement | null>(null);
  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: "nearest" });
  }, [selectedId]);

  return (
    <ul aria-label="Open tasks" className="divide-y divide-slate-100" data-testid="task-list">
      {tasks.map((task) => {
        const selected = task.id === selectedId;
        const heldByOther = task.assigneeId !== null && task.assigneeId !== viewerId;
        return (
          <li
            key={task.id}
            ref={selected ? selectedRef : undefined}
            data-task-id={task.id}
            data-selected={selected ? "true" : "false"}
            className={cn(
              "flex items-start gap-2 px-3 py-2.5",
              selected ? "bg-accent-50" : "hover:bg-slate-50",
              heldByOther && "opacity-70",
            )}
          >
            <input
              type="checkbox"
              className="mt-1 h-4 w-4 shrink-0 rounded border-slate-300 accent-accent-600"
              checked={checked.has(task.id)}
              onChange={() => onToggle(task.id)}
              aria-label={`Select ${task.externalId} for bulk approve`}
              tabIndex={-1}
            />
            <button
              type="button"
              onClick={() => onSelect(task.id)}
              aria-current={selected ? "true" : undefined}
              className="min-w-0 flex-1 rounded text-left focus-visible:outline-offset-4"
            >
              <div className="flex items-center gap-2">
                <span
                  className={cn(
                    "min-w-0 flex-1 truncate text-sm",
                    selected ? "font-semibold text-slate-900" : "font-medium text-slate-800",
                  )}
                >
                  {task.title}
                </span>
                <TimeLeftBadge dueAt={task.dueAt} now={now} />
              </div>
              <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
                <span className="font-mono">{task.externalId}</span>
                <span aria-hidden>·</span>
                <span>{task.queue}</span>
                <Badge tone={REASON_TONES[task.reasonType]}>{REASON_LABELS[task.reasonType]}</Badge>
                {task.suggestedLabel ? (
                  <Badge tone="neutral" title="Suggested outcome">
                    <Sparkles className="h-3 w-3" aria-hidden />
                    {task.suggestedLabel}
                  </Badge>
                ) : null}
                {task.assignee ? (
                  <Badge tone={heldByOther ? "warning" : "success"}>
                    <Lock className="h-3 w-3" aria-hidden />
                    {heldByOther ? `Claimed by ${task.assignee}` : "Claimed by you"}
                  </Badge>
                ) : null}
                {task.slaBreachedAt && task.escalatedTo ? (
                  <span className="text-red-700">re-escalated to {task.escalatedTo}</span>
                ) : null}
              </div>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
