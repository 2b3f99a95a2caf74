"use client";

import { AlertTriangle, Check, CornerUpLeft, Lock, LockOpen, Shuffle, Sparkles } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import { AiSummary, PathList } from "./ai-summary";
import { ago, describeOutcome, REASON_LABELS, REASON_TONES, suggestedAsLabel } from "./format";
import { SimilarCases } from "./similar-cases";
import { TimeLeftBadge } from "./time-left-badge";
import type { TaskDetail as Detail } from "./types";

function Section({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  return (
    <section className={className} aria-label={title}>
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {children}
    </section>
  );
}

function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="ml-1 rounded border border-current/30 px-1 font-mono text-[10px] leading-4 opacity-80">
      {children}
    </kbd>
  );
}

/** Why the task is no longer open, in the words a reviewer who lost the race reads. */
function closedText(detail: Detail, viewerId: string): string | null {
  const { task } = detail;
  if (task.status === "open") return null;
  const who = task.decidedById === viewerId ? "you" : (task.decidedBy ?? "another reviewer");
  const when = task.decidedAt ? ` at ${task.decidedAt.toISOString().slice(11, 16)} UTC` : "";
  if (task.status === "sent_back") return `Already sent back by ${who}${when}.`;
  const what = task.decision?.label
    ? ` (${task.decision.action === "approve" ? "approved" : "overridden"}: ${task.decision.label.label})`
    : "";
  return `Already decided by ${who}${when}${what}.`;
}

export function TaskDetail({
  detail,
  viewerId,
  now,
  conflict,
  busy,
  onApprove,
  onOverride,
  onSendBack,
  onClaim,
  onRelease,
}: {
  detail: Detail;
  viewerId: string;
  now: number;
  conflict: string | null;
  busy: boolean;
  onApprove: () => void;
  onOverride: () => void;
  onSendBack: () => void;
  onClaim: () => void;
  onRelease: () => void;
}) {
  const { task, item, path } = detail;
  const suggested = suggestedAsLabel(task.suggested);
  const heldByOther = task.assigneeId !== null && task.assigneeId !== viewerId;
  const open = task.status === "open";
  const banner = conflict ?? closedText(detail, viewerId);
  const canAct = open && !heldByOther && !busy;

  return (
    <article
      className="flex min-h-full flex-col"
      aria-label={`Task ${item.externalId}`}
      data-testid="task-detail"
      data-task-id={task.id}
    >
      <header className="border-b border-slate-200 px-5 py-4">
        <div className="flex items-start gap-3">
          <div className="min-w-0 flex-1">
            <h2 className="truncate text-base font-semibold text-slate-900" title={task.title}>
              {task.title}
            </h2>
            <p className="mt-0.5 text-xs text-slate-500">
              <span className="font-mono">{item.externalId}</span> · {detail.workflow.name}
              {detail.workflow.version ? ` v${detail.workflow.version}` : ""} · queue {detail.queue.name} (
              {detail.queue.team}) · received {ago(item.receivedAt, now)}
            </p>
          </div>
          {open ? (
            <TimeLeftBadge dueAt={task.dueAt} now={now} />
          ) : (
            <Badge tone="success">{task.status === "sent_back" ? "Sent back" : "Decided"}</Badge>
          )}
        </div>
        <div className="mt-3 flex items-start gap-2 text-sm">
          <Badge tone={REASON_TONES[task.reasonType]}>{REASON_LABELS[task.reasonType]}</Badge>
          <p className="min-w-0 flex-1 text-slate-700" data-testid="task-reason">
            {task.reason}
          </p>
        </div>
        {task.slaBreachedAt ? (
          <p className="mt-2 flex items-center gap-1.5 text-xs text-red-700">
            <AlertTriangle className="h-3.5 w-3.5" aria-hidden /> Past its SLA since{" "}
            {formatDateTime(task.slaBreachedAt)}
            {task.escalatedTo ? `; re-escalated to ${task.escalatedTo}` : ""}.
          </p>
        ) : null}

        <div className="mt-3 rounded-md bg-slate-50 p-2">
          <p className="flex items-center gap-1.5 px-1 pb-2 text-sm">
            <Sparkles className="h-4 w-4 shrink-0 text-accent-600" aria-hidden />
            <span className="whitespace-nowrap text-slate-500">Suggested outcome:</span>
            <span className="truncate font-medium text-slate-900" data-testid="suggested-outcome">
              {suggested ? describeOutcome(suggested) : "none, the model had no usable guess"}
            </span>
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <Button
              size="sm"
              onClick={onApprove}
              disabled={!canAct || !suggested}
              title="Accept the suggested outcome"
              aria-label="Approve"
              aria-keyshortcuts="a"
            >
              <Check className="h-4 w-4" aria-hidden /> Approve <Kbd>a</Kbd>
            </Button>
            <Button
              size="sm"
              variant="secondary"
              onClick={onOverride}
              disabled={!canAct}
              title="Pick another outcome"
              aria-label="Override"
              aria-keyshortcuts="o"
            >
              <Shuffle className="h-4 w-4" aria-hidden /> Override <Kbd>o</Kbd>
            </Button>
            <Button
              size="sm"
              variant="secondary"
              onClick={onSendBack}
              disabled={!canAct}
              title="Needs more information"
              aria-label="Send back"
              aria-keyshortcuts="s"
            >
              <CornerUpLeft className="h-4 w-4" aria-hidden /> Send back <Kbd>s</Kbd>
            </Button>
            {open && task.assigneeId === viewerId ? (
              <Button
                size="sm"
                variant="ghost"
                onClick={onRelease}
                disabled={busy}
                title="Give it back to the queue"
              >
                <LockOpen className="h-4 w-4" aria-hidden /> Release
              </Button>
            ) : open && !task.assigneeId ? (
              <Button
                size="sm"
                variant="ghost"
                onClick={onClaim}
                disabled={busy}
                title="Take it: others see it as yours"
                aria-label="Claim"
                aria-keyshortcuts="c"
              >
                <Lock className="h-4 w-4" aria-hidden /> Claim <Kbd>c</Kbd>
              </Button>
            ) : null}
          </div>
        </div>
        {heldByOther && open ? (
          <p className="mt-2 text-sm text-amber-800" role="status">
            Claimed by {task.assignee}: only they can decide it until they release it.
          </p>
        ) : null}
        {banner ? (
          <p
            role="alert"
            className="mt-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900"
            data-testid="task-banner"
          >
            {banner}
          </p>
        ) : null}
      </header>

      <div className="grid flex-1 grid-cols-[minmax(0,1.1fr)_minmax(0,1fr)] gap-5 px-5 py-4">
        <div className="space-y-5">
          <Section title={`Item text (${item.textField})`}>
            {/* Rendered as text: ticket bodies are hostile input and must never be parsed as HTML. */}
            <p
              className="max-h-64 overflow-auto whitespace-pre-wrap break-words rounded-md border border-slate-200 bg-white p-3 text-sm leading-relaxed text-slate-800"
              data-testid="item-text"
            >
              {item.text || "(empty)"}
            </p>
          </Section>
          <Section title="Fields">
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
              {item.fields.map((field) => (
                <div key={field.name} className="contents">
                  <dt className="text-slate-500">{field.name}</dt>
                  <dd className="truncate text-slate-800" title={field.value}>
                    {field.value || "—"}
                  </dd>
                </div>
              ))}
            </dl>
          </Section>
          <Section title="Path">
            <PathList path={path} escalatedAt={task.nodeId} />
          </Section>
        </div>
        <div className="space-y-5">
          <Section title="AI classification">
            <AiSummary path={path} />
          </Section>
          <Section title="Similar past cases">
            <SimilarCases taskId={task.id} />
          </Section>
          <Section title="Trail">
            <ol className="space-y-1 text-xs text-slate-600">
              <li>Escalated {formatDateTime(task.createdAt)}</li>
              {detail.events.map((event) => (
                <li key={event.id}>
                  {formatDateTime(event.at)} · {event.actor} · {event.action.replace("_", " ")}
                  {event.label ? ` → ${event.label.label}` : ""}
                  {event.comment ? ` — “${event.comment}”` : ""}
                </li>
              ))}
            </ol>
          </Section>
        </div>
      </div>
    </article>
  );
}
