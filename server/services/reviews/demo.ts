import { generateTickets, type HistoricalTicket, type TicketItem } from "@/lib/demo/history/generate-tickets";
import { backtestPorts } from "@/lib/engine/modes/backtest-ports";
import { routeModels } from "@/lib/engine/models/route-models";
import type { ConnectorGateway } from "@/lib/engine/ports";
import { runItemSync } from "@/lib/engine/run/run-item";
import type { Db } from "../../db/client";
import { compiledVersion } from "../runs/compiled-versions";
import { processItem } from "../runs/process-item";
import { loadPublishedVersion } from "../runs/published-version";
import { decideTask } from "./decide-task";
import { labelFromOutcome } from "./labels";
import { outcomeOptions } from "./outcome-options";
import { addQueueMember, saveQueue } from "./queues";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const RECENT = 60;
const DECIDED = 30;
/** The recent tickets arrive over this window, so some of their tasks are past their SLA and some are not. */
const RECENT_WINDOW = 12 * HOUR;

/** While seeding, the demo CRM is not up yet: its lookups escalate for a person, as an outage would. */
const crmNotUpYet: ConnectorGateway = {
  call: () => ({
    status: "unavailable",
    reason: "the CRM did not answer (it was not up yet while the demo was seeded)",
  }),
};

/**
 * Hostile input, as real inboxes get it: a ticket body with markup. The inbox must show it as text; the
 * end-to-end suite opens it and checks that nothing ran.
 */
export const HOSTILE_TICKET = {
  ticket_id: "T-HOSTILE-1",
  subject: "Strange characters in my email signature",
  body: "Since yesterday my signature shows <img src=x onerror=alert(1)> and <script>alert(1)</script> instead of my logo. Is this something on your side?",
} as const;

interface Planned {
  ticket: HistoricalTicket;
  at: number;
}

/**
 * The demo inbox: queues `triage` and `compliance` with SLAs and the demo reviewer in both; ~60 tickets of
 * the last 12 hours run live through the published workflow (their escalations are the open tasks, some
 * already past due, one with hostile markup), and ~30 older escalations decided by the reviewer (approvals
 * and overrides against what really happened) so history and similar cases have content.
 */
export async function seedDemoInbox(
  db: Db,
  options: { workflowId: string; reviewerId: string; adminId: string; now?: number },
) {
  const now = options.now ?? Date.now();
  const triage = await saveQueue(db, {
    name: "triage",
    team: "Support",
    description: "Tickets the classifier was not sure about, or whose systems did not answer.",
    slaMinutes: 8 * 60,
    escalationContactId: options.adminId,
  });
  const compliance = await saveQueue(db, {
    name: "compliance",
    team: "Legal & compliance",
    description: "Legal, security and privacy words: a person always looks.",
    slaMinutes: 4 * 60,
    escalationContactId: options.adminId,
  });
  for (const queueId of [triage.id, compliance.id])
    await addQueueMember(db, { queueId, userId: options.reviewerId }, options.adminId);

  const version = await loadPublishedVersion(db, options.workflowId);
  const compiled = compiledVersion(version);
  const options_ = outcomeOptions(version.graph);
  // Which tickets escalate, and with a suggestion, known before storing anything (a pure backtest run).
  const pool = generateTickets({ startMs: Math.floor(now / DAY) * DAY - 21 * DAY, days: 21, seed: 2026 }).map(
    (ticket) => {
      const outcome = runItemSync(compiled, ticket.item, {
        ports: backtestPorts({ models: routeModels() }),
        trace: false,
      }).outcome;
      return {
        ticket,
        escalates: outcome.type === "escalate",
        suggested: outcome.type === "escalate" && outcome.suggested !== undefined,
      };
    },
  );
  const withSuggestion = pool.filter((p) => p.suggested);
  const unsure = pool.filter((p) => p.escalates && !p.suggested);
  const handled = pool.filter((p) => !p.escalates);
  // Enough suggestions on both sides: approvals in the history, and tasks to approve (and bulk-approve) today.
  const older = interleave([withSuggestion.slice(0, 12), unsure.slice(0, DECIDED - 12)]);
  const suggested = withSuggestion.slice(12, 28);
  const otherEscalations = unsure.slice(DECIDED - 12, DECIDED - 12 + 14);
  const recentHandled = handled.slice(0, RECENT - suggested.length - otherEscalations.length);
  const recent = interleave([suggested, otherEscalations, recentHandled]);

  const spread = (list: { ticket: HistoricalTicket }[], from: number, to: number): Planned[] =>
    list.map((p, i) => ({
      ticket: p.ticket,
      at: Math.round(from + ((to - from) * (i + 0.5)) / list.length),
    }));
  const olderPlan = spread(older, now - 6 * DAY, now - 1 * DAY);
  const recentPlan = spread(recent, now - RECENT_WINDOW, now - 5 * MINUTE);

  const run = (item: TicketItem | Record<string, unknown>, at: number) =>
    processItem(
      db,
      {
        workflowId: options.workflowId,
        payload: { ...item, created_at: new Date(at).toISOString() },
        receivedAt: new Date(at),
      },
      { connectors: crmNotUpYet, clock: { now: () => at, monotonic: () => 0 } },
    );

  const reviewer = { id: options.reviewerId, role: "reviewer" as const };
  let decided = 0;
  for (const [i, planned] of olderPlan.entries()) {
    const processed = await run(planned.ticket.item, planned.at);
    if (!processed.taskId || processed.outcome?.type !== "escalate") continue;
    const decidedAt = new Date(planned.at + (15 + ((i * 37) % 180)) * MINUTE);
    const suggestedLabel = processed.outcome.suggested
      ? labelFromOutcome(processed.outcome.suggested).label
      : undefined;
    const actual = planned.ticket.actual;
    const option = options_.find((o) => o.outcome.label === actual.label);
    if (suggestedLabel !== undefined && (suggestedLabel === actual.label || !option)) {
      await decideTask(
        db,
        reviewer,
        { taskId: processed.taskId, expectedVersion: 1, action: "approve" },
        decidedAt,
      );
    } else if (option) {
      const comment = suggestedLabel
        ? `Not ${suggestedLabel}: this is for ${option.outcome.label}.`
        : undefined;
      await decideTask(
        db,
        reviewer,
        { taskId: processed.taskId, expectedVersion: 1, action: "override", optionKey: option.key, comment },
        decidedAt,
      );
    } else {
      await decideTask(
        db,
        reviewer,
        {
          taskId: processed.taskId,
          expectedVersion: 1,
          action: "send_back",
          comment: "Asked the customer which account this is about.",
        },
        decidedAt,
      );
    }
    decided += 1;
  }

  let open = 0;
  const hostileAt = now - 40 * MINUTE;
  for (const planned of recentPlan) if ((await run(planned.ticket.item, planned.at)).taskId) open += 1;
  const hostile = {
    ...recentPlan[0]!.ticket.item,
    ...HOSTILE_TICKET,
    customer_tier: "free",
    channel: "email",
  };
  if ((await run(hostile, hostileAt)).taskId) open += 1;
  return {
    queues: { triage: triage.id, compliance: compliance.id },
    decided,
    open,
    processed: olderPlan.length + recentPlan.length + 1,
  };
}

/** Round-robin, so the suggested, unsure and handled tickets are spread over the window rather than in blocks. */
function interleave<T>(lists: T[][]): T[] {
  const out: T[] = [];
  for (let i = 0; lists.some((list) => i < list.length); i++)
    for (const list of lists) if (i < list.length) out.push(list[i]!);
  return out;
}
