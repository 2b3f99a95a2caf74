import { describe, expect, it } from "vitest";
import type { Outcome, Trace } from "@/lib/engine/run/outcome";
import { describeOutcome, judgeOutcome } from "../shadow/judge-outcome";

const matched: Trace = {
  runKey: "k",
  itemId: "i",
  startedAt: 0,
  durationMs: 0,
  steps: [
    {
      nodeId: "known_fix",
      type: "match",
      handle: "matched",
      output: { entryId: "password-reset" },
      durationMs: 0,
    },
  ],
};
const resolve: Outcome = { type: "resolve", nodeId: "resolve_known", resolution: "known-fix", reply: "…" };

describe("judgeOutcome", () => {
  it("compares a route by its team, as a backtest does", () => {
    const outcome: Outcome = { type: "route", nodeId: "route_billing", team: "billing-team" };
    expect(judgeOutcome(outcome, null, { type: "route", label: "billing-team" }).kind).toBe("correct");
    expect(judgeOutcome(outcome, null, { type: "route", label: "shipping-team" }).kind).toBe("wrong");
  });

  it("judges a resolution by the known fix it sent, or by its code when the label names the code", () => {
    expect(judgeOutcome(resolve, matched, { type: "resolve", label: "password-reset" }).kind).toBe("correct");
    expect(
      judgeOutcome(resolve, matched, { type: "resolve", label: "known-fix", resolution: "known-fix" }).kind,
    ).toBe("correct");
    expect(judgeOutcome(resolve, matched, { type: "resolve", label: "refund-policy" })).toMatchObject({
      kind: "wrong",
      key: { predicted: "password-reset" },
    });
  });

  it("counts an escalation as neither right nor wrong", () => {
    const outcome: Outcome = {
      type: "escalate",
      nodeId: "classify",
      queue: "triage",
      reasonType: "confidence",
      reason: "unsure",
      context: { decisions: [] },
    };
    expect(judgeOutcome(outcome, null, { type: "route", label: "billing-team" }).kind).toBe("escalated");
    expect(describeOutcome(outcome)).toBe("escalate (confidence) → triage");
  });

  it("matches an end with a reviewer's end label", () => {
    const outcome: Outcome = { type: "end", nodeId: "spam", note: "spam" };
    expect(judgeOutcome(outcome, null, { type: "end", label: "end" }).kind).toBe("correct");
  });
});
