import { describe, expect, it } from "vitest";
import type { CriteriaRow } from "../../backtests/criteria";
import { measureAgreement } from "../shadow/measure-agreement";
import { judgeReadiness, shadowPeriod } from "../shadow/readiness";
import type { RunCounts } from "../shadow/shadow-runs";

const criteria = {
  id: "c-1",
  version: 1,
  minAutoAccuracy: 0.9,
  maxEscalationRate: 0.25,
  minLabelRecall: null,
} as unknown as CriteriaRow;
const started = new Date("2026-11-01T00:00:00Z");

function escalationLine(counts: RunCounts) {
  const readiness = judgeReadiness({
    agreement: measureAgreement([]).agreement,
    counts,
    criteria,
    period: shadowPeriod(started, 7, new Date("2026-11-20T00:00:00Z")),
    minSample: 0,
  });
  return readiness.criteria.find((c) => c.key === "maxEscalationRate")!;
}

describe("shadow readiness: the escalation rate", () => {
  it("counts the workflow's own escalations against the agreed maximum", () => {
    const line = escalationLine({ processed: 100, escalated: 30, byReason: { confidence: 30 }, byQueue: {} });
    expect(line.measured).toBeCloseTo(0.3);
    expect(line.met).toBe(false);
    expect(line.note).toBeUndefined();
  });

  it("leaves out connector-outage and volume escalations, which a backtest cannot see, and says so", () => {
    const line = escalationLine({
      processed: 100,
      escalated: 30,
      byReason: { confidence: 20, connector: 8, volume: 2 },
      byQueue: {},
    });
    expect(line.measured).toBeCloseTo(20 / 90);
    expect(line.met).toBe(true);
    expect(line.note).toBe("leaves out 8 connector escalations and 2 volume escalations, which a backtest cannot see");
  });
});
