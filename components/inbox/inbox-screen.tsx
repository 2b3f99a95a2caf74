"use client";

import { keepPreviousData, skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Inbox, Keyboard, Users } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { BulkApproveDialog } from "./bulk-approve-dialog";
import { describeOutcome } from "./format";
import { HistoryPanel } from "./history-panel";
import { InboxFilters, type Filters } from "./inbox-filters";
import { OverridePicker } from "./override-picker";
import { SendBackDialog } from "./send-back-dialog";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { TaskDetail } from "./task-detail";
import { TaskListPane } from "./task-list";
import type { InboxList } from "./types";
import { useInboxKeys, type InboxKeyAction } from "./use-inbox-keys";

const POLL_MS = 10_000;
const UNDO_MS = 10_000;
const VERBS = { approve: "Approved", override: "Overridden", send_back: "Sent back" } as const;

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function InboxScreen({ viewerId }: { viewerId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = useNow(15_000);
  const [tab, setTab] = useState<"open" | "history">("open");
  const [filters, setFilters] = useState<Filters>({});
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [checked, setChecked] = useState<Set<string>>(() => new Set());
  const [dialog, setDialog] = useState<"override" | "sendBack" | "help" | "bulk" | null>(null);
  const [conflicts, setConflicts] = useState<Record<string, string>>({});
  const [lastDecision, setLastDecision] = useState<{ eventId: string; at: number } | null>(null);

  const queues = useQuery(trpc.reviews.myQueues.queryOptions());
  const list = useQuery(
    trpc.reviews.list.queryOptions(filters, { refetchInterval: POLL_MS, placeholderData: keepPreviousData }),
  );
  const tasks = useMemo(() => list.data?.tasks ?? [], [list.data]);
  // Until the reviewer picks one, the first (soonest due) task is the one on screen.
  const selectedId = chosenId ?? tasks[0]?.id ?? null;
  const setSelectedId = setChosenId;
  const detail = useQuery(trpc.reviews.get.queryOptions(selectedId ? { taskId: selectedId } : skipToken));
  const index = tasks.findIndex((t) => t.id === selectedId);

  useEffect(() => {
    // The task on screen vanished from the list (someone else decided it): show why, from the server.
    if (selectedId && list.isSuccess && !tasks.some((t) => t.id === selectedId)) {
      void queryClient.invalidateQueries({ queryKey: trpc.reviews.get.queryKey({ taskId: selectedId }) });
    }
  }, [list.isSuccess, queryClient, selectedId, tasks, trpc]);

  const refresh = (taskId?: string) => {
    void queryClient.invalidateQueries({ queryKey: trpc.reviews.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.reviews.history.queryKey() });
    if (taskId) void queryClient.invalidateQueries({ queryKey: trpc.reviews.get.queryKey({ taskId }) });
  };

  /** Takes a decided task out of every cached list at once, and moves on to the task that took its place. */
  const removeFromLists = (taskId: string) => {
    const position = Math.max(
      0,
      tasks.findIndex((t) => t.id === taskId),
    );
    const remaining = tasks.filter((t) => t.id !== taskId);
    queryClient.setQueriesData<InboxList>({ queryKey: trpc.reviews.list.queryKey() }, (old) =>
      old ? { ...old, tasks: old.tasks.filter((t) => t.id !== taskId) } : old,
    );
    setChecked((current) => {
      const next = new Set(current);
      next.delete(taskId);
      return next;
    });
    if (selectedId === taskId) setSelectedId(remaining[Math.min(position, remaining.length - 1)]?.id ?? null);
  };

  const undo = useMutation({
    ...trpc.reviews.undo.mutationOptions(),
    onSuccess: (result) => {
      toast.success("Decision undone: the task is open again, held by you.");
      setLastDecision(null);
      setSelectedId(result.taskId);
      refresh(result.taskId);
    },
  });
  const decide = useMutation({
    ...trpc.reviews.decide.mutationOptions(),
    onSuccess: (receipt) => {
      setLastDecision({ eventId: receipt.eventId, at: Date.now() });
      toast.success(`${VERBS[receipt.action]}${receipt.label ? `: ${describeOutcome(receipt.label)}` : ""}`, {
        duration: UNDO_MS,
        action: { label: "Undo", onClick: () => undo.mutate({ eventId: receipt.eventId }) },
      });
      removeFromLists(receipt.taskId);
      refresh(receipt.taskId);
    },
    onError: (error, input) => {
      if (error.data?.code === "CONFLICT")
        setConflicts((current) => ({ ...current, [input.taskId]: error.message }));
      refresh(input.taskId);
    },
  });
  const assignment = {
    onSuccess: (result: { taskId: string }) => refresh(result.taskId),
    onError: (error: { message: string; data?: { code?: string } | null }, input: { taskId: string }) => {
      if (error.data?.code === "CONFLICT")
        setConflicts((current) => ({ ...current, [input.taskId]: error.message }));
      refresh(input.taskId);
    },
  };
  const claim = useMutation({ ...trpc.reviews.claim.mutationOptions(), ...assignment });
  const release = useMutation({ ...trpc.reviews.release.mutationOptions(), ...assignment });
  const bulk = useMutation({
    ...trpc.reviews.bulkApprove.mutationOptions(),
    onSuccess: (result) => {
      setDialog(null);
      for (const receipt of result.approved) removeFromLists(receipt.taskId);
      if (result.failed.length === 0)
        toast.success(
          `Approved ${result.approved.length} ${result.approved.length === 1 ? "task" : "tasks"}.`,
        );
      else
        toast.warning(
          `Approved ${result.approved.length}; ${result.failed.length} could not be: ${result.failed[0]!.message}`,
        );
      setChecked(new Set());
      refresh();
    },
  });

  const current = detail.data && detail.data.task.id === selectedId ? detail.data : null;
  const busy = decide.isPending || claim.isPending || release.isPending || undo.isPending;
  const openAndMine =
    current !== null &&
    current.task.status === "open" &&
    (current.task.assigneeId === null || current.task.assigneeId === viewerId);

  const actions: Record<InboxKeyAction, () => void> = {
    next: () => {
      const next = tasks[index >= 0 ? Math.min(index + 1, tasks.length - 1) : 0];
      if (next) setSelectedId(next.id);
    },
    previous: () => {
      const previous = tasks[index >= 0 ? Math.max(index - 1, 0) : 0];
      if (previous) setSelectedId(previous.id);
    },
    approve: () => {
      if (!current || !openAndMine || busy) return;
      if (!current.task.suggested) {
        toast.info("Nothing is suggested for this task: press o to pick an outcome.");
        return;
      }
      decide.mutate({ taskId: current.task.id, expectedVersion: current.task.version, action: "approve" });
    },
    override: () => {
      if (current && openAndMine && !busy) setDialog("override");
    },
    sendBack: () => {
      if (current && openAndMine && !busy) setDialog("sendBack");
    },
    claim: () => {
      if (current && current.task.status === "open" && !current.task.assigneeId && !busy)
        claim.mutate({ taskId: current.task.id });
    },
    toggle: () => {
      if (selectedId) toggle(selectedId);
    },
    undo: () => {
      const last = lastDecision;
      if (last && Date.now() - last.at < UNDO_MS && !undo.isPending) undo.mutate({ eventId: last.eventId });
      else toast.info("Nothing to undo: a decision can be taken back within 10 seconds.");
    },
    help: () => setDialog("help"),
  };
  useInboxKeys((action) => actions[action](), tab === "open");

  function changeFilters(next: Filters) {
    setFilters(next);
    setChosenId(null);
    setChecked(new Set());
  }

  function toggle(taskId: string) {
    setChecked((currentSet) => {
      const next = new Set(currentSet);
      if (next.has(taskId)) next.delete(taskId);
      else next.add(taskId);
      return next;
    });
  }

  const queueNames = queues.data?.all ? "every queue" : queues.data?.queues.map((q) => q.name).join(", ");
  const checkedTasks = tasks.filter((t) => checked.has(t.id));
  const filtered = Boolean(filters.reasonType || filters.workflowId || filters.label);

  return (
    <>
      <PageHeader
        title="Inbox"
        description={
          queueNames
            ? `Open review tasks in ${queueNames}, soonest due first.`
            : "Open review tasks in your queues, soonest due first."
        }
        actions={
          <>
            <div
              className="flex rounded-md border border-slate-300 bg-white p-0.5"
              role="tablist"
              aria-label="Inbox view"
            >
              {(["open", "history"] as const).map((value) => (
                <button
                  key={value}
                  type="button"
                  role="tab"
                  aria-selected={tab === value}
                  onClick={() => setTab(value)}
                  className={cn(
                    "rounded px-3 py-1 text-sm font-medium",
                    tab === value ? "bg-accent-50 text-accent-700" : "text-slate-600 hover:text-slate-900",
                  )}
                >
                  {value === "open" ? "Open tasks" : "My decisions"}
                </button>
              ))}
            </div>
            <Button
              variant="ghost"
              size="sm"
              onClick={() => setDialog("help")}
              aria-label="Keyboard shortcuts"
            >
              <Keyboard className="h-4 w-4" aria-hidden /> ?
            </Button>
          </>
        }
      />

      {tab === "history" ? (
        <HistoryPanel now={now} onUndo={(eventId) => undo.mutate({ eventId })} undoing={undo.isPending} />
      ) : queues.data && !queues.data.all && queues.data.queues.length === 0 && tasks.length === 0 ? (
        <EmptyState icon={Users} title="You are not in any review queue yet">
          An admin adds reviewers to queues on the Queues page; their tasks then appear here.
        </EmptyState>
      ) : (
        <div className="space-y-3">
          {list.data ? (
            <InboxFilters
              filters={filters}
              onChange={changeFilters}
              counts={list.data.counts}
              labels={list.data.labels}
              workflows={list.data.workflows}
            />
          ) : null}
          <div className="grid h-[calc(100vh-13rem)] min-h-[28rem] grid-cols-[22rem_minmax(0,1fr)] gap-4">
            <TaskListPane
              state={list.isPending ? "loading" : list.isError ? "error" : "ready"}
              error={list.error?.message}
              onRetry={() => list.refetch()}
              truncated={list.data?.truncated ?? false}
              checkedCount={checked.size}
              canBulkApprove={checkedTasks.length > 0}
              onBulkApprove={() => setDialog("bulk")}
              filtered={filtered}
              onClearFilters={() => changeFilters({})}
              tasks={tasks}
              selectedId={selectedId}
              checked={checked}
              viewerId={viewerId}
              now={now}
              onSelect={setSelectedId}
              onToggle={toggle}
            />
            <Card className="min-h-0 overflow-auto">
              {!selectedId ? (
                <div className="p-6">
                  <EmptyState icon={Inbox} title="No task selected">
                    Pick a task on the left, or press <kbd className="font-mono">j</kbd>.
                  </EmptyState>
                </div>
              ) : detail.isError ? (
                <div className="p-6">
                  <ErrorState message={detail.error.message} onRetry={() => detail.refetch()} />
                </div>
              ) : !current ? (
                <LoadingState label="Loading the task…" />
              ) : (
                <TaskDetail
                  detail={current}
                  viewerId={viewerId}
                  now={now}
                  conflict={conflicts[current.task.id] ?? null}
                  busy={busy}
                  onApprove={actions.approve}
                  onOverride={actions.override}
                  onSendBack={actions.sendBack}
                  onClaim={actions.claim}
                  onRelease={() => release.mutate({ taskId: current.task.id })}
                />
              )}
            </Card>
          </div>
        </div>
      )}

      <OverridePicker
        open={dialog === "override"}
        onOpenChange={(open) => setDialog(open ? "override" : null)}
        options={current?.options ?? []}
        suggestedLabel={current?.task.suggestedLabel ?? null}
        onPick={(optionKey, comment) => {
          setDialog(null);
          if (current)
            decide.mutate({
              taskId: current.task.id,
              expectedVersion: current.task.version,
              action: "override",
              optionKey,
              comment: comment || undefined,
            });
        }}
      />
      <SendBackDialog
        open={dialog === "sendBack"}
        onOpenChange={(open) => setDialog(open ? "sendBack" : null)}
        onSend={(comment) => {
          setDialog(null);
          if (current)
            decide.mutate({
              taskId: current.task.id,
              expectedVersion: current.task.version,
              action: "send_back",
              comment: comment || undefined,
            });
        }}
      />
      <ShortcutsDialog open={dialog === "help"} onOpenChange={(open) => setDialog(open ? "help" : null)} />
      <BulkApproveDialog
        open={dialog === "bulk"}
        onOpenChange={(open) => setDialog(open ? "bulk" : null)}
        tasks={checkedTasks}
        pending={bulk.isPending}
        onConfirm={() =>
          bulk.mutate({
            tasks: checkedTasks
              .filter((t) => t.suggestedLabel)
              .map((t) => ({ taskId: t.id, expectedVersion: t.version })),
          })
        }
      />
    </>
  );
}
