import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { assertLegal, legalActs } from "../stages";

function refusal(f: () => void): TRPCError {
  try {
    f();
  } catch (error) {
    if (error instanceof TRPCError) return error;
  }
  throw new Error("expected a refusal");
}

describe("lifecycle stages", () => {
  it("offers one way forward before live", () => {
    expect(legalActs({ stage: "draft", shadowVersionId: null })).toEqual(["validate"]);
    expect(legalActs({ stage: "validated", shadowVersionId: null })).toEqual(["startShadow"]);
    expect(legalActs({ stage: "shadow", shadowVersionId: "v1" })).toEqual(["cutOver", "stopShadow"]);
  });

  it("lets a live workflow shadow a new version, or cut it over once it is in shadow", () => {
    expect(legalActs({ stage: "live", shadowVersionId: null })).toEqual([
      "startShadow",
      "setCanary",
      "pause",
      "rollback",
    ]);
    expect(legalActs({ stage: "live", shadowVersionId: "v2" })).toContain("cutOver");
    expect(legalActs({ stage: "paused", shadowVersionId: null })).toEqual(["resume", "rollback"]);
  });

  it("refuses an illegal act naming the current stage and what it can do", () => {
    const error = refusal(() => assertLegal({ stage: "draft", shadowVersionId: null }, "cutOver"));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe(
      "The workflow is in draft, so it cannot cut over to live (needs the shadow period and shadow agreement). From draft it can: be marked validated (needs a signed-off passing backtest).",
    );
    expect(
      refusal(() => assertLegal({ stage: "paused", shadowVersionId: null }, "setCanary")).message,
    ).toMatch(
      /^The workflow is paused, so it cannot change its canary percentage\. From paused it can: resume live; roll back/,
    );
  });

  it("says why a second shadow run cannot start beside the first", () => {
    expect(
      refusal(() => assertLegal({ stage: "live", shadowVersionId: "v2" }, "startShadow")).message,
    ).toContain("Another version is in shadow already");
  });
});
