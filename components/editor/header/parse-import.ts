import { graphSchema, type Graph } from "@/lib/engine/graph/graph-schema";
import { validateGraph } from "@/lib/engine/validate/validate-graph";

export type ParsedImport = { ok: true; graph: Graph; warnings: string[] } | { ok: false; problems: string[] };

/**
 * Reads a workflow file before it is sent: not JSON, or not a Switchboard graph, gets a list of what is
 * wrong (path and message). A graph that parses but does not validate is accepted with warnings: it becomes a
 * draft to fix on the canvas.
 */
export function parseWorkflowFile(text: string): ParsedImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [`The file is not JSON: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  const parsed = graphSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 20)
      .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "the file"}: ${issue.message}`);
    if (parsed.error.issues.length > 20) problems.push(`…and ${parsed.error.issues.length - 20} more`);
    return { ok: false, problems };
  }
  const { testCases: _testCases, ...graph } = parsed.data;
  const warnings = validateGraph(graph).errors.map((e) => e.message);
  return { ok: true, graph: parsed.data, warnings };
}
