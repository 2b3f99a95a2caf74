import { describe, expect, it } from "vitest";
import { createNodeRegistry, NODE_TYPES, nodeDefinitions, nodeRegistry } from "../registry";
import { triggerNode } from "../trigger/definition";

describe("node registry", () => {
  it("lists each node type once, with a palette group", () => {
    expect(nodeRegistry.all().map((d) => `${d.group}:${d.type}`)).toEqual([
      "trigger:trigger",
      "decision:condition",
      "decision:rule",
      "decision:classify",
      "decision:assess",
      "decision:match",
      "connector:connector",
      "escalation:escalate",
      "outcome:route",
      "outcome:resolve",
      "outcome:end",
    ]);
    expect(nodeRegistry.all().map((d) => d.type)).toEqual([...NODE_TYPES]);
    expect(() => createNodeRegistry([triggerNode, triggerNode])).toThrow(/registered twice/);
  });

  it.each(nodeDefinitions.map((d) => [d.type, d] as const))(
    "%s: its default config is valid and describes itself",
    (_type, definition) => {
      const parsed = definition.configSchema.safeParse(definition.defaultConfig);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      const config = parsed.data as never;
      expect(definition.summary(config).length).toBeGreaterThan(0);
      expect(definition.label.length).toBeGreaterThan(0);
      expect(definition.description.length).toBeGreaterThan(10);
      const handles = definition.outputHandles(config);
      expect(handles.length === 0).toBe(definition.terminal);
      expect(new Set(handles.map((h) => h.id)).size).toBe(handles.length);
    },
  );

  it("gives classifiers one handle per label plus low_confidence", () => {
    const classify = nodeRegistry.get("classify")!;
    const config = classify.configSchema.parse({
      labels: ["a", "b"],
      model: { kind: "keyword", keywords: { a: ["x"], b: ["y"] } },
    });
    expect(classify.outputHandles(config).map((h) => h.id)).toEqual(["a", "b", "low_confidence"]);
    expect((config as { threshold: number }).threshold).toBe(0.7);
  });
});
