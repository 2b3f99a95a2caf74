/**
 * The one list of node types. Adding a type: one folder with a
 * definition.ts, and one line here.
 */
import type { NodeDefinition } from "../engine/node-definition";
import { assessNode } from "./assess/definition";
import { classifyNode } from "./classify/definition";
import { conditionNode } from "./condition/definition";
import { connectorNode } from "./connector/definition";
import { endNode } from "./end/definition";
import { escalateNode } from "./escalate/definition";
import { matchNode } from "./match/definition";
import { resolveNode } from "./resolve/definition";
import { routeNode } from "./route/definition";
import { ruleNode } from "./rule/definition";
import { triggerNode } from "./trigger/definition";

export const nodeDefinitions = [
  triggerNode,
  conditionNode,
  ruleNode,
  classifyNode,
  assessNode,
  matchNode,
  connectorNode,
  escalateNode,
  routeNode,
  resolveNode,
  endNode,
] as const;

/** The type ids, for typed code elsewhere (the registry test holds this list to the definitions). */
export const NODE_TYPES = [
  "trigger",
  "condition",
  "rule",
  "classify",
  "assess",
  "match",
  "connector",
  "escalate",
  "route",
  "resolve",
  "end",
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Looks node types up by id; validation and compilation take one so tests can add their own types. */
export interface NodeRegistry {
  get(type: string): NodeDefinition | undefined;
  all(): readonly NodeDefinition[];
}

export function createNodeRegistry(definitions: readonly NodeDefinition[]): NodeRegistry {
  const byType = new Map<string, NodeDefinition>();
  for (const definition of definitions) {
    if (byType.has(definition.type)) throw new Error(`node type "${definition.type}" is registered twice`);
    byType.set(definition.type, definition);
  }
  return { get: (type) => byType.get(type), all: () => [...byType.values()] };
}

export const nodeRegistry: NodeRegistry = createNodeRegistry(nodeDefinitions);
