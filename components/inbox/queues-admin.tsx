"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { Inbox, Plus, X } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { ROLE_LABELS } from "@/lib/roles";
import type { AppRouter } from "@/server/root";

type Queue = inferRouterOutputs<AppRouter>["reviews"]["queues"][number];
type User = inferRouterOutputs<AppRouter>["users"]["list"][number];

const selectClass = "h-8 rounded-md border border-slate-300 bg-white px-2 text-sm";

function useRefreshQueues() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.reviews.queues.queryKey() });
}

function QueueCard({ queue, users }: { queue: Queue; users: User[] }) {
  const trpc = useTRPC();
  const refresh = useRefreshQueues();
  const [adding, setAdding] = useState("");
  const [slaHours, setSlaHours] = useState(String(queue.slaMinutes / 60));
  const add = useMutation(
    trpc.reviews.addQueueMember.mutationOptions({ onSuccess: () => (setAdding(""), refresh()) }),
  );
  const remove = useMutation(trpc.reviews.removeQueueMember.mutationOptions({ onSuccess: refresh }));
  const save = useMutation(
    trpc.reviews.saveQueue.mutationOptions({
      onSuccess: () => (toast.success(`Queue ${queue.name} saved.`), refresh()),
    }),
  );
  const memberIds = new Set(queue.members.map((m) => m.userId));
  const saveSettings = (changes: { slaMinutes?: number; escalationContactId?: string | null }) =>
    save.mutate({
      name: queue.name,
      team: queue.team,
      description: queue.description,
      slaMinutes: changes.slaMinutes ?? queue.slaMinutes,
      escalationContactId:
        changes.escalationContactId === undefined ? queue.escalationContactId : changes.escalationContactId,
    });

  return (
    <Card className="p-4" data-testid={`queue-${queue.name}`}>
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1">
          <h2 className="font-medium text-slate-900">
            <span className="font-mono">{queue.name}</span>{" "}
            <span className="text-sm font-normal text-slate-500">· team {queue.team}</span>
          </h2>
          {queue.description ? <p className="mt-0.5 text-sm text-slate-600">{queue.description}</p> : null}
        </div>
        <Badge tone={queue.openTasks > 0 ? "accent" : "neutral"}>{queue.openTasks} open</Badge>
      </div>
      <div className="mt-3 flex flex-wrap items-end gap-4 text-sm">
        <form
          className="flex items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const hours = Number(slaHours);
            if (Number.isFinite(hours) && hours > 0) saveSettings({ slaMinutes: Math.round(hours * 60) });
          }}
        >
          <label className="flex flex-col text-xs font-medium text-slate-600">
            SLA (hours)
            <Input
              value={slaHours}
              onChange={(event) => setSlaHours(event.target.value)}
              inputMode="decimal"
              className="mt-1 h-8 w-20"
            />
          </label>
          <Button
            size="sm"
            variant="secondary"
            type="submit"
            disabled={save.isPending || Number(slaHours) * 60 === queue.slaMinutes}
          >
            Save
          </Button>
        </form>
        <label className="flex flex-col text-xs font-medium text-slate-600">
          Overdue tasks go to
          <select
            className={`${selectClass} mt-1`}
            value={queue.escalationContactId ?? ""}
            onChange={(event) => saveSettings({ escalationContactId: event.target.value || null })}
          >
            <option value="">Nobody</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="mt-4">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Members</h3>
        <ul className="mt-2 flex flex-wrap gap-2">
          {queue.members.length === 0 ? (
            <li className="text-sm text-slate-500">
              Nobody yet: its tasks are seen by admins and owners only.
            </li>
          ) : null}
          {queue.members.map((m) => (
            <li
              key={m.userId}
              className="flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pl-3 pr-1 text-sm"
            >
              {m.name} <span className="text-xs text-slate-500">({ROLE_LABELS[m.role]})</span>
              <button
                type="button"
                onClick={() => remove.mutate({ queueId: queue.id, userId: m.userId })}
                className="rounded-full p-1 text-slate-500 hover:bg-slate-200"
                aria-label={`Remove ${m.name} from ${queue.name}`}
              >
                <X className="h-3 w-3" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
        <form
          className="mt-2 flex items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (adding) add.mutate({ queueId: queue.id, userId: adding });
          }}
        >
          <label className="sr-only" htmlFor={`add-${queue.id}`}>
            Add a member to {queue.name}
          </label>
          <select
            id={`add-${queue.id}`}
            className={selectClass}
            value={adding}
            onChange={(event) => setAdding(event.target.value)}
          >
            <option value="">Add a member…</option>
            {users
              .filter((u) => !memberIds.has(u.id))
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({ROLE_LABELS[u.role]})
                </option>
              ))}
          </select>
          <Button size="sm" variant="secondary" type="submit" disabled={!adding || add.isPending}>
            <Plus className="h-4 w-4" aria-hidden /> Add
          </Button>
        </form>
      </div>
    </Card>
  );
}

function NewQueueForm() {
  const trpc = useTRPC();
  const refresh = useRefreshQueues();
  const [name, setName] = useState("");
  const [team, setTeam] = useState("");
  const [hours, setHours] = useState("8");
  const save = useMutation(
    trpc.reviews.saveQueue.mutationOptions({
      onSuccess: () => {
        toast.success(`Queue ${name} created.`);
        setName("");
        setTeam("");
        return refresh();
      },
    }),
  );
  return (
    <Card className="p-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ name: name.trim(), team: team.trim(), slaMinutes: Math.round(Number(hours) * 60) });
        }}
      >
        <label className="flex flex-col text-xs font-medium text-slate-600">
          Queue name (as graphs name it)
          <Input
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder="e.g. refunds"
            className="mt-1 h-8 w-48"
          />
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-600">
          Team
          <Input
            value={team}
            onChange={(event) => setTeam(event.target.value)}
            placeholder="e.g. Billing"
            className="mt-1 h-8 w-40"
          />
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-600">
          SLA (hours)
          <Input
            value={hours}
            onChange={(event) => setHours(event.target.value)}
            inputMode="decimal"
            className="mt-1 h-8 w-20"
          />
        </label>
        <Button
          size="sm"
          type="submit"
          disabled={!name.trim() || !team.trim() || !(Number(hours) > 0) || save.isPending}
        >
          <Plus className="h-4 w-4" aria-hidden /> New queue
        </Button>
      </form>
    </Card>
  );
}

/** Queues, their SLA and escalation contact, and who works them. */
export function QueuesAdmin() {
  const trpc = useTRPC();
  const queues = useQuery(trpc.reviews.queues.queryOptions());
  const users = useQuery(trpc.users.list.queryOptions());
  if (queues.isPending || users.isPending) return <LoadingState label="Loading queues…" />;
  if (queues.isError) return <ErrorState message={queues.error.message} onRetry={() => queues.refetch()} />;
  if (users.isError) return <ErrorState message={users.error.message} onRetry={() => users.refetch()} />;
  return (
    <div className="space-y-3">
      {queues.data.length === 0 ? (
        <EmptyState icon={Inbox} title="No review queues yet">
          A queue is created when a workflow first escalates to it, or here.
        </EmptyState>
      ) : (
        queues.data.map((queue) => (
          <QueueCard key={`${queue.id}:${queue.slaMinutes}`} queue={queue} users={users.data} />
        ))
      )}
      <NewQueueForm />
    </div>
  );
}
