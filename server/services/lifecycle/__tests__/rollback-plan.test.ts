import { describe, expect, it } from "vitest";
import { planRollback, type RollbackState } from "../rollback-plan";

const now = new Date("2026-03-01T12:00:00Z");
const earlier = new Date("2026-02-20T12:00:00Z");
const live: RollbackState = {
  stage: "live",
  liveVersionId: "v2",
  previousLiveVersionId: "v1",
  shadowVersionId: null,
  shadowStartedAt: null,
  canaryPercent: 50,
};

describe("planRollback", () => {
  it("undoes a canary raise first, when the guard asks", () => {
    const plan = planRollback(live, { now, lastAct: { kind: "canary", previousPercent: 10 } });
    expect(plan.kind).toBe("canary");
    expect(plan.next).toEqual({ ...live, canaryPercent: 10 });
  });

  it("goes back to the previous live version, which returns to shadow with a fresh period", () => {
    const plan = planRollback(live, {
      now,
      lastAct: { kind: "transition", previousPercent: null },
      previousVersionPercent: 100,
    });
    expect(plan.kind).toBe("version");
    expect(plan.next).toEqual({
      stage: "live",
      liveVersionId: "v1",
      previousLiveVersionId: null,
      shadowVersionId: "v2",
      shadowStartedAt: now,
      canaryPercent: 100,
    });
  });

  it("keeps a version already in shadow where it is", () => {
    const plan = planRollback({ ...live, shadowVersionId: "v3", shadowStartedAt: earlier }, { now });
    expect(plan.next).toMatchObject({ liveVersionId: "v1", shadowVersionId: "v3", shadowStartedAt: earlier });
  });

  it("goes back to shadow when no version was live before, also from paused", () => {
    const plan = planRollback({ ...live, stage: "paused", previousLiveVersionId: null }, { now });
    expect(plan.kind).toBe("shadow");
    expect(plan.next).toMatchObject({
      stage: "shadow",
      liveVersionId: null,
      shadowVersionId: "v2",
      shadowStartedAt: now,
    });
  });

  it("does not lower the percentage when the last canary change lowered it", () => {
    const plan = planRollback(live, { now, lastAct: { kind: "canary", previousPercent: 100 } });
    expect(plan.kind).toBe("version");
  });
});
