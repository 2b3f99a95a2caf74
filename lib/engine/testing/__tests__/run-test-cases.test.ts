import { describe, expect, it } from "vitest";
import { compileGraph } from "../../compile/compile-graph";
import type { TestCase } from "../../graph/test-case-schema";
import { edge, graph, node, ticket, triggerNode } from "../graph-fixtures";
import { compareOutcome, runTestCases } from "../run-test-cases";

// trigger ─► screen ──matched──► person (escalate "legal")
//              └──no_match──► to_support (route "support")
const compiled = compileGraph(
  graph(
    [
      triggerNode(),
      node("screen", "rule", { rules: [{ kind: "keywords", id: "legal", words: ["lawyer"] }] }),
      node("person", "escalate", { queue: "legal" }),
      node("to_support", "route", { team: "support" }),
    ],
    [
      edge("trigger", "out", "screen"),
      edge("screen", "matched", "person"),
      edge("screen", "no_match", "to_support"),
    ],
  ),
);

const cases: TestCase[] = [
  {
    id: "a",
    name: "lawyer escalates",
    item: ticket("my lawyer"),
    expected: { terminalType: "escalate", queue: "legal", reasonType: "rule" },
  },
  {
    id: "b",
    name: "else support",
    item: ticket("hello"),
    expected: { terminalType: "route", team: "support" },
  },
  {
    id: "c",
    name: "wrong expectation",
    item: ticket("hello"),
    expected: { terminalType: "route", team: "billing" },
  },
  {
    id: "d",
    name: "known gap",
    item: ticket("hello"),
    expected: { terminalType: "resolve" },
    knownFailure: true,
  },
];

describe("runTestCases", () => {
  it("counts passes, blocking failures and known failures, with details", async () => {
    const report = await runTestCases(compiled, cases);
    expect({ passed: report.passed, failed: report.failed, knownFailures: report.knownFailures }).toEqual({
      passed: 2,
      failed: 1,
      knownFailures: 1,
    });
    const wrong = report.results.find((r) => r.caseId === "c")!;
    expect(wrong.pass).toBe(false);
    expect(wrong.mismatches).toEqual(['team: expected "billing", got "support"', "actual: route to support"]);
    expect(wrong.trace?.steps.map((s) => s.nodeId)).toEqual(["trigger", "screen", "to_support"]);
    expect(report.results.find((r) => r.caseId === "d")).toMatchObject({ pass: false, knownFailure: true });
  });

  it("compares only what the case expects", () => {
    expect(compareOutcome({ terminalType: "route" }, { type: "route", nodeId: "x", team: "t" })).toEqual([]);
    expect(
      compareOutcome({ terminalType: "escalate", nodeId: "p" }, { type: "route", nodeId: "x", team: "t" }),
    ).toEqual(['terminal type: expected "escalate", got "route"', 'node: expected "p", got "x"']);
  });
});
