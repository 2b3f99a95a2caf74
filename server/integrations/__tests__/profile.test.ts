import { describe, expect, it } from "vitest";
import { connectorProfilePath, profileCompleteness } from "../profile";
import { COMPLETE_PROFILE, GET_THING } from "./support/test-connectors";

describe("profileCompleteness", () => {
  it("is complete when every question is answered", () => {
    expect(
      profileCompleteness({ auth: { method: "none" }, operations: [GET_THING], profile: COMPLETE_PROFILE }),
    ).toEqual({ complete: true, missing: [] });
  });

  it("lists every open question of an empty profile, in the form's order", () => {
    expect(profileCompleteness({ profile: {} }).missing).toEqual([
      "whether it has an API or is human-only",
      "auth method",
      "what data it exposes",
      "data format",
      "rate limit (requests per second and burst)",
      "expected latency (p50 and p95)",
      "which tasks need a human in the vendor's interface",
      "what to do when it is unavailable",
      "at least one operation",
    ]);
  });

  it("counts an unset auth secret as missing when secret statuses are known", () => {
    const connector = {
      auth: { method: "bearer" as const },
      operations: [GET_THING],
      profile: COMPLETE_PROFILE,
    };
    expect(profileCompleteness(connector).complete).toBe(true);
    expect(profileCompleteness({ ...connector, secrets: {} }).missing).toEqual([
      "the bearer token (auth secret)",
    ]);
    expect(profileCompleteness({ ...connector, secrets: { token: { set: true } } }).complete).toBe(true);
  });

  it("asks a human-only system only what applies to it", () => {
    const result = profileCompleteness({
      profile: {
        access: "human_only",
        dataExposed: "Invoices",
        dataFormat: "other",
        humanTasks: ["Everything"],
        onUnavailable: { policy: "escalate" },
      },
    });
    expect(result).toEqual({ complete: true, missing: [] });
  });

  it("an empty list of human tasks is an answer", () => {
    const { humanTasks: _omitted, ...rest } = COMPLETE_PROFILE;
    expect(
      profileCompleteness({ auth: { method: "none" }, operations: [GET_THING], profile: rest }).missing,
    ).toEqual(["which tasks need a human in the vendor's interface"]);
  });

  it("links to the connector's admin page", () => {
    expect(connectorProfilePath("abc-1")).toBe("/admin/connectors/abc-1");
  });
});
