import type { CompiledGraph } from "@/lib/engine/compile/compile-graph";
import type { GraphValidationResult } from "@/lib/engine/validate/validation-issue";
import type { WorkflowMap } from "@/lib/workflow-map/derive-workflow-map";
import type { ConnectorSummary } from "../../connectors/connector-summary";
import type { SpecTestReport } from "../../workflows/run-spec-tests";
import { decisionsWithoutEscalation } from "./escalation-paths";
import { workflowHref, type ReadinessStep } from "./types";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The Map tab states the workflow: what comes in, what goes out, the systems, the people, the edge cases. */
export function mappedStep(workflowId: string, map: WorkflowMap): ReadinessStep {
  const missing: string[] = [];
  if (!map.inputs || map.inputs.fields.length === 0) missing.push("inputs (a trigger with its fields)");
  if (map.outputs.length === 0) missing.push("outputs");
  if (map.people.length === 0) missing.push("people (a team or queue that receives items)");
  if (map.edgeCases.length === 0) missing.push("edge cases (mark test cases as edge cases)");
  const base = {
    id: "mapped" as const,
    title: "Workflow mapped",
    href: workflowHref(workflowId, "map"),
    actionLabel: "Complete the map",
  };
  if (missing.length > 0)
    return { ...base, state: "todo", detail: `Missing on the map: ${missing.join(", ")}.` };
  return {
    ...base,
    state: "done",
    detail: `${plural(map.inputs!.fields.length, "input")}, ${plural(map.outputs.length, "output")}, ${plural(map.systems.length, "system")}, ${plural(map.people.length, "team or queue", "teams and queues")}, ${plural(map.edgeCases.length, "edge case")}.`,
  };
}

/** Every connector the graph uses exists and has a complete integration profile. */
export function integrationsStep(
  workflowId: string,
  map: WorkflowMap,
  connectors: readonly ConnectorSummary[],
): ReadinessStep {
  const base = {
    id: "integrations" as const,
    title: "Integrations profiled",
    href: workflowHref(workflowId, "map"),
    actionLabel: "Complete the integration profiles",
  };
  if (map.systems.length === 0) return { ...base, state: "done", detail: "The workflow uses no connector." };
  const byId = new Map(connectors.map((c) => [c.id, c]));
  const problems: { text: string; href: string }[] = [];
  for (const system of map.systems) {
    const connector = byId.get(system.connectorId);
    if (!connector)
      problems.push({ text: `${system.connectorId} does not exist`, href: "/admin/connectors" });
    else if (!connector.completeness.complete)
      problems.push({
        text: `${connector.name} is missing ${connector.completeness.missing.join(", ")}`,
        href: connector.profilePath,
      });
  }
  if (problems.length === 0) {
    return {
      ...base,
      state: "done",
      detail: `${plural(map.systems.length, "connector")} with a complete profile: ${map.systems.map((s) => byId.get(s.connectorId)?.name ?? s.connectorId).join(", ")}.`,
    };
  }
  return {
    ...base,
    state: "todo",
    href: problems[0]!.href,
    detail: `${problems.map((p) => p.text).join("; ")} (an admin completes profiles under Connectors).`,
  };
}

/** The graph validates and its spec test cases pass. */
export function treeStep(
  workflowId: string,
  version: number,
  validation: GraphValidationResult,
  tests: SpecTestReport,
): ReadinessStep {
  const base = {
    id: "tree" as const,
    title: "Decision tree valid, test cases pass",
    href: workflowHref(workflowId, "tests"),
    actionLabel: "Fix the graph and its test cases",
  };
  if (!validation.ok) {
    return {
      ...base,
      state: "todo",
      href: workflowHref(workflowId),
      detail: `Version ${version} has ${plural(validation.errors.length, "validation error")} (first: ${validation.errors[0]?.message ?? "see the problems panel"}).`,
    };
  }
  const total = tests.results.length;
  if (total === 0)
    return {
      ...base,
      state: "todo",
      actionLabel: "Write test cases",
      detail: "No test case yet: write the cases the workflow must get right.",
    };
  if (tests.failed > 0) {
    return {
      ...base,
      state: "todo",
      detail: `${tests.failed} of ${plural(total, "test case")} fail on version ${version}.`,
    };
  }
  return {
    ...base,
    state: "done",
    detail: `Version ${version} is valid; ${tests.passed} of ${plural(total, "test case")} pass${tests.knownFailures > 0 ? ` (${plural(tests.knownFailures, "known failure")})` : ""}.`,
  };
}

/** Every decision node can hand an item to a person. */
export function escalationsStep(workflowId: string, compiled: CompiledGraph | null): ReadinessStep {
  const base = {
    id: "escalations" as const,
    title: "Escalation paths for every decision",
    href: workflowHref(workflowId),
    actionLabel: "Add escalation paths",
  };
  if (!compiled) return { ...base, state: "blocked", detail: "Make the graph valid first." };
  const { decisions, lacking } = decisionsWithoutEscalation(compiled);
  if (lacking.length > 0) {
    return { ...base, state: "todo", detail: `${lacking.map((l) => `${l.name}: ${l.problem}`).join("; ")}.` };
  }
  return {
    ...base,
    state: "done",
    detail: `${plural(decisions, "decision node")} can each hand an item to a person.`,
  };
}
