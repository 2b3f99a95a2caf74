import type { Graph, GraphNode } from "@/lib/engine/graph/graph-schema";
import type { TestCase } from "@/lib/engine/graph/test-case-schema";
import type { HandleSpec, ItemFieldType, PaletteGroup } from "@/lib/engine/node-definition";
import { nodeRegistry, type NodeRegistry } from "@/lib/nodes/registry";

export interface MapInputField {
  name: string;
  type: ItemFieldType;
  required: boolean;
  values?: readonly string[];
  role?: "text" | "id" | "occurred at";
}
export interface MapOutput {
  nodeId: string;
  name: string;
  kind: "route" | "resolve" | "end" | "escalate";
  /** "support / billing", "queue triage (confidence)" */
  detail: string;
  /** True for an output no node draws: an unconnected handle that hands the item to a person. */
  implicit?: boolean;
}
export interface MapDecision {
  nodeId: string;
  name: string;
  type: string;
  typeLabel: string;
  summary: string;
  threshold?: number;
  outcomes: string[];
}
export interface MapSystem {
  connectorId: string;
  uses: { nodeId: string; name: string; operation: string; kind: string; onUnavailable: string }[];
}
export interface MapPerson {
  kind: "team" | "queue";
  name: string;
  via: { nodeId: string; name: string }[];
}
export interface MapEdgeCase {
  id: string;
  name: string;
  notes?: string;
  expected: string;
}
export interface WorkflowMap {
  inputs: { triggerId: string; fields: MapInputField[] } | null;
  outputs: MapOutput[];
  decisions: MapDecision[];
  systems: MapSystem[];
  people: MapPerson[];
  edgeCases: MapEdgeCase[];
}

interface Resolved {
  node: GraphNode;
  group: PaletteGroup | undefined;
  typeLabel: string;
  config: Record<string, unknown>;
  handles: readonly HandleSpec[];
  summary: string;
}

function resolve(node: GraphNode, registry: NodeRegistry): Resolved {
  const definition = registry.get(node.type);
  const parsed = definition?.configSchema.safeParse(node.config);
  const config = (parsed?.success ? parsed.data : node.config) as Record<string, unknown>;
  const attempt = <T>(f: () => T, fallback: T): T => {
    try {
      return f();
    } catch {
      return fallback;
    }
  };
  return {
    node,
    group: definition?.group,
    typeLabel: definition?.label ?? node.type,
    config,
    handles: definition ? attempt(() => definition.outputHandles(config as never), []) : [],
    summary: definition ? attempt(() => definition.summary(config as never), "") : "",
  };
}

/** Nodes in the order an item meets them (breadth-first from the trigger), then any unreachable ones. */
function flowOrder(graph: Graph): GraphNode[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const next = new Map<string, string[]>();
  const incoming = new Set(graph.edges.map((e) => e.target));
  for (const e of graph.edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const starts = graph.nodes.filter((n) => !incoming.has(n.id)).map((n) => n.id);
  const seen = new Set<string>();
  const order: GraphNode[] = [];
  const queue = [...starts];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = byId.get(id);
    if (node) order.push(node);
    queue.push(...(next.get(id) ?? []));
  }
  return [...order, ...graph.nodes.filter((n) => !seen.has(n.id))];
}

const displayName = (node: GraphNode) => node.name || node.id;
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

function expectedText(c: TestCase): string {
  const e = c.expected;
  return [
    e.terminalType,
    e.team && `team ${e.team}`,
    e.queue && `queue ${e.queue}`,
    e.reasonType && `(${e.reasonType})`,
  ]
    .filter(Boolean)
    .join(" ");
}

/**
 * The workflow as a process owner must be able to state it before automating it: what comes in, what can
 * come out, where decisions are made and how sure they must be, which systems are touched, which people are
 * involved, and the edge cases. Derived from the graph alone; pure.
 */
export function deriveWorkflowMap(
  graph: Graph,
  testCases: readonly TestCase[] = [],
  registry: NodeRegistry = nodeRegistry,
): WorkflowMap {
  const nodes = flowOrder(graph).map((n) => resolve(n, registry));
  const connected = new Set(graph.edges.map((e) => `${e.source}\u0000${e.sourceHandle}`));
  const escalationQueue = graph.settings?.escalationQueue ?? "review";
  const people = new Map<string, MapPerson>();
  const addPerson = (kind: MapPerson["kind"], name: string, node: GraphNode) => {
    const key = `${kind}:${name}`;
    const person = people.get(key) ?? { kind, name, via: [] };
    if (!person.via.some((v) => v.nodeId === node.id))
      person.via.push({ nodeId: node.id, name: displayName(node) });
    people.set(key, person);
  };

  let inputs: WorkflowMap["inputs"] = null;
  const outputs: MapOutput[] = [];
  const decisions: MapDecision[] = [];
  const systems = new Map<string, MapSystem>();

  for (const r of nodes) {
    const { node, config } = r;
    if (r.group === "trigger" && !inputs) {
      const roles: Record<string, MapInputField["role"]> = {};
      if (str(config.textField)) roles[config.textField as string] = "text";
      if (str(config.idField)) roles[config.idField as string] = "id";
      if (str(config.occurredAtField)) roles[config.occurredAtField as string] = "occurred at";
      const fields = Array.isArray(config.fields) ? (config.fields as MapInputField[]) : [];
      inputs = {
        triggerId: node.id,
        fields: fields.map((f) => ({
          name: f.name,
          type: f.type,
          required: f.required !== false,
          values: f.values,
          role: roles[f.name],
        })),
      };
    }
    if (r.group === "decision") {
      decisions.push({
        nodeId: node.id,
        name: displayName(node),
        type: node.type,
        typeLabel: r.typeLabel,
        summary: r.summary,
        threshold: typeof config.threshold === "number" ? config.threshold : undefined,
        outcomes: r.handles.map((h) => h.label),
      });
    }
    if (r.group === "connector") {
      const connectorId = str(config.connectorId) ?? "(no connector)";
      const system = systems.get(connectorId) ?? { connectorId, uses: [] };
      system.uses.push({
        nodeId: node.id,
        name: displayName(node),
        operation: str(config.operation) ?? "",
        kind: str(config.kind) ?? "",
        onUnavailable: str(config.onUnavailable) ?? "",
      });
      systems.set(connectorId, system);
    }
    if (node.type === "route" && str(config.team)) {
      const queue = str(config.queue);
      outputs.push({
        nodeId: node.id,
        name: displayName(node),
        kind: "route",
        detail: `${config.team}${queue ? ` / ${queue}` : ""}`,
      });
      addPerson("team", config.team as string, node);
      if (queue) addPerson("queue", queue, node);
    } else if (node.type === "resolve") {
      outputs.push({
        nodeId: node.id,
        name: displayName(node),
        kind: "resolve",
        detail: str(config.resolution) ?? "automatic reply",
      });
    } else if (node.type === "end") {
      outputs.push({
        nodeId: node.id,
        name: displayName(node),
        kind: "end",
        detail: str(config.note) ?? "no action",
      });
    } else if (r.group === "escalation") {
      const queue = str(config.queue) ?? escalationQueue;
      const reason = str(config.reasonType);
      outputs.push({
        nodeId: node.id,
        name: displayName(node),
        kind: "escalate",
        detail: `queue ${queue}${reason ? ` (${reason})` : ""}`,
      });
      addPerson("queue", queue, node);
    }
    // Outputs left unconnected that hand the item to a person are escalation paths too.
    if (r.group !== "outcome" && r.group !== "escalation") {
      const marked = new Set(node.escalateUnconnected ?? []);
      for (const h of r.handles) {
        if (connected.has(`${node.id}\u0000${h.id}`) || h.neverTaken) continue;
        if (!marked.has(h.id) && h.whenUnconnected !== "escalate") continue;
        outputs.push({
          nodeId: node.id,
          name: `${displayName(node)}: ${h.label}`,
          kind: "escalate",
          detail: `queue ${escalationQueue}${h.escalateAs ? ` (${h.escalateAs})` : ""}`,
          implicit: true,
        });
        addPerson("queue", escalationQueue, node);
      }
    }
  }

  const edgeCases = testCases
    .filter((c) => c.edgeCase)
    .map((c) => ({ id: c.id, name: c.name, notes: c.notes, expected: expectedText(c) }));
  return {
    inputs,
    outputs,
    decisions,
    systems: [...systems.values()],
    people: [...people.values()],
    edgeCases,
  };
}
