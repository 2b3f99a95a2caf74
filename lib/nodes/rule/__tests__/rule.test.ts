import { describe, expect, it } from "vitest";
import { compileGraph } from "../../../engine/compile/compile-graph";
import { runItemSync } from "../../../engine/run/run-item";
import { edge, fakePorts, graph, node, ticket, triggerNode } from "../../../engine/testing/graph-fixtures";
import { validateGraph } from "../../../engine/validate/validate-graph";

const rules = [
  { kind: "keywords", id: "legal", name: "legal words", words: ["lawyer", "chargeback*", "legal action"] },
  { kind: "regex", id: "card", pattern: "\\b\\d{4}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{4}\\b" },
  { kind: "field", id: "vip", field: "tier", in: ["enterprise"] },
];

// trigger ─► screen ──matched──► person (escalate)
//              └──no_match──► done (end)
const compiled = compileGraph(
  graph(
    [
      triggerNode(),
      node("screen", "rule", { rules }),
      node("person", "escalate", { queue: "compliance" }),
      node("done", "end"),
    ],
    [
      edge("trigger", "out", "screen"),
      edge("screen", "matched", "person"),
      edge("screen", "no_match", "done"),
    ],
  ),
);
const run = (item: Record<string, unknown>) => runItemSync(compiled, item, { ports: fakePorts() });

describe("rule", () => {
  it("matches whole keywords and prefixes, recording which rule matched", () => {
    const { outcome, trace } = run(ticket("I filed CHARGEBACKS with my bank"));
    expect(outcome).toMatchObject({
      type: "escalate",
      queue: "compliance",
      reasonType: "rule",
      nodeId: "person",
    });
    expect(outcome.type === "escalate" && outcome.reason).toBe(
      'screen: rule legal words matched "chargeback*"',
    );
    expect(trace?.steps[1]?.output).toMatchObject({ matched: true, ruleId: "legal", ruleKind: "keywords" });
  });

  it("does not match a keyword inside another word", () => {
    expect(run(ticket("the paralawyers said hi")).outcome).toEqual({ type: "end", nodeId: "done" });
  });

  it("matches a regex and shows the text it matched", () => {
    const { trace } = run(ticket("my card 4111 1111 1111 1111 was charged"));
    expect(trace?.steps[1]?.output).toMatchObject({ ruleId: "card", evidence: "4111 1111 1111 1111" });
  });

  it("matches a field value", () => {
    const { trace } = run(ticket("hello", { tier: "enterprise" }));
    expect(trace?.steps[1]).toMatchObject({
      handle: "matched",
      output: { ruleId: "vip", evidence: 'tier = "enterprise"' },
    });
  });

  it("takes no_match when nothing matches", () => {
    const { outcome, trace } = run(ticket("where is my parcel", { tier: "pro" }));
    expect(outcome).toEqual({ type: "end", nodeId: "done" });
    expect(trace?.steps[1]).toMatchObject({ handle: "no_match", output: { matched: false } });
  });

  it("escalates with reason rule from an unconnected matched handle, suggesting the no_match path", () => {
    // trigger ─► screen ──no_match──► done ; matched: escalate-if-taken
    const g = graph(
      [
        triggerNode(),
        node("screen", "rule", { rules }, { escalateUnconnected: ["matched"] }),
        node("done", "end"),
      ],
      [edge("trigger", "out", "screen"), edge("screen", "no_match", "done")],
    );
    const { outcome } = runItemSync(compileGraph(g), ticket("call my lawyer"), { ports: fakePorts() });
    expect(outcome).toMatchObject({
      type: "escalate",
      nodeId: "screen",
      reasonType: "rule",
      queue: "review",
      suggested: { type: "end", nodeId: "done" },
    });
  });

  it("refuses regexes RE2 cannot run in linear time, and unknown fields", () => {
    const result = validateGraph(
      graph(
        [
          triggerNode(),
          node("screen", "rule", {
            rules: [
              { kind: "regex", id: "backref", pattern: "(a)\\1" },
              { kind: "regex", id: "lookahead", pattern: "(?=x)y" },
              { kind: "keywords", id: "k", field: "nope", words: ["x"] },
            ],
          }),
          node("done", "end"),
        ],
        [
          edge("trigger", "out", "screen"),
          edge("screen", "matched", "done"),
          edge("screen", "no_match", "done"),
        ],
      ),
    );
    const text = result.errors.map((e) => e.message).join("\n");
    expect(text).toMatch(/rule backref: the regex is not valid: invalid escape sequence/);
    expect(text).toMatch(/rule lookahead: the regex is not valid/);
    expect(text).toMatch(/rule k reads "nope", which the trigger does not declare/);
  });
});
