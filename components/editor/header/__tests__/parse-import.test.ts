import { describe, expect, it } from "vitest";
import { smallGraph } from "../../store/__tests__/fixtures";
import { parseWorkflowFile } from "../parse-import";

describe("parseWorkflowFile", () => {
  it("accepts an exported workflow with its test cases", () => {
    const file = {
      ...smallGraph(),
      testCases: [{ id: "c", name: "n", item: {}, expected: { terminalType: "end" } }],
    };
    const result = parseWorkflowFile(JSON.stringify(file));
    expect(result).toMatchObject({ ok: true, warnings: [] });
    expect(result.ok && result.graph.testCases).toHaveLength(1);
  });

  it("says when the file is not JSON", () => {
    expect(parseWorkflowFile("{ nope")).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^The file is not JSON: /)],
    });
  });

  it("lists what is wrong, with where", () => {
    const result = parseWorkflowFile(
      JSON.stringify({ schemaVersion: 2, nodes: [{ id: "1bad", type: "x", position: {}, config: {} }] }),
    );
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^schemaVersion: /),
        expect.stringMatching(/^nodes\.0\.id: use letters/),
        expect.stringMatching(/^nodes\.0\.position\.x: /),
        expect.stringMatching(/^edges: /),
      ]),
    );
  });

  it("accepts a graph that does not validate, with warnings", () => {
    const graph = smallGraph();
    graph.edges = graph.edges.slice(0, 2);
    const result = parseWorkflowFile(JSON.stringify(graph));
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings.length).toBeGreaterThan(0);
  });
});
