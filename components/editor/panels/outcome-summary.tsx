import { CircleAlert, CircleCheck, CircleStop, Clock, Send, UserRound } from "lucide-react";
import type { TestCaseExpectation } from "@/lib/engine/graph/test-case-schema";
import type { Outcome } from "@/lib/engine/run/outcome";

/** What a test case should expect, taken from an actual outcome ("this is right, keep it"). */
export function expectationFromOutcome(outcome: Outcome): TestCaseExpectation {
  const expected: TestCaseExpectation = { terminalType: outcome.type };
  if (outcome.nodeId) expected.nodeId = outcome.nodeId;
  if (outcome.type === "route") {
    expected.team = outcome.team;
    if (outcome.queue) expected.queue = outcome.queue;
  }
  if (outcome.type === "escalate") {
    expected.queue = outcome.queue;
    expected.reasonType = outcome.reasonType;
  }
  return expected;
}

export function describeOutcome(outcome: Outcome): { title: string; detail?: string } {
  switch (outcome.type) {
    case "route":
      return {
        title: `Routed to ${outcome.team}${outcome.queue ? ` / ${outcome.queue}` : ""}`,
        detail: `at ${outcome.nodeId}`,
      };
    case "resolve":
      return {
        title: `Auto-resolved${outcome.resolution ? ` (${outcome.resolution})` : ""}`,
        detail: outcome.reply,
      };
    case "end":
      return { title: "Ended", detail: outcome.note ?? `at ${outcome.nodeId}` };
    case "escalate":
      return { title: `Escalated to ${outcome.queue} (${outcome.reasonType})`, detail: outcome.reason };
    case "deferred":
      return { title: "Deferred: retried later", detail: outcome.reason };
    case "error":
      return { title: `Error: ${outcome.code}`, detail: outcome.message };
  }
}

const ICONS = {
  route: Send,
  resolve: CircleCheck,
  end: CircleStop,
  escalate: UserRound,
  deferred: Clock,
  error: CircleAlert,
} as const;
const TONES = {
  route: "border-emerald-200 bg-emerald-50 text-emerald-900",
  resolve: "border-emerald-200 bg-emerald-50 text-emerald-900",
  end: "border-slate-200 bg-slate-50 text-slate-800",
  escalate: "border-orange-200 bg-orange-50 text-orange-900",
  deferred: "border-amber-200 bg-amber-50 text-amber-900",
  error: "border-red-200 bg-red-50 text-red-900",
} as const;

export function OutcomeSummary({ outcome }: { outcome: Outcome }) {
  const Icon = ICONS[outcome.type];
  const { title, detail } = describeOutcome(outcome);
  return (
    <div
      className={`flex items-start gap-2 rounded-md border p-3 text-sm ${TONES[outcome.type]}`}
      data-testid="try-outcome"
    >
      <Icon className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
      <div className="min-w-0">
        <p className="font-semibold">{title}</p>
        {detail ? <p className="mt-0.5 break-words text-xs opacity-90">{detail}</p> : null}
      </div>
    </div>
  );
}
