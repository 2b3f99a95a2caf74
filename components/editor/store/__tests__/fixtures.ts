import type { Graph } from "@/lib/engine/graph/graph-schema";
import { classifyNode } from "@/lib/nodes/classify/definition";
import { triggerNode } from "@/lib/nodes/trigger/definition";

/*
 * trigger ─► classify ──billing──► route_billing
 *               ├──technical──► route_tech
 *               └──low_confidence──► escalate
 */
export function smallGraph(): Graph {
  return {
    schemaVersion: 1,
    nodes: [
      {
        id: "trigger",
        type: "trigger",
        position: { x: 0, y: 0 },
        config: structuredClone(triggerNode.defaultConfig),
      },
      {
        id: "classify",
        type: "classify",
        name: "Topic",
        position: { x: 300, y: 0 },
        config: structuredClone(classifyNode.defaultConfig),
      },
      { id: "route_billing", type: "route", position: { x: 600, y: 0 }, config: { team: "billing" } },
      { id: "route_tech", type: "route", position: { x: 600, y: 150 }, config: { team: "tech" } },
      { id: "escalate", type: "escalate", position: { x: 600, y: 300 }, config: { queue: "triage" } },
    ],
    edges: [
      { id: "e1", source: "trigger", sourceHandle: "out", target: "classify" },
      { id: "e2", source: "classify", sourceHandle: "billing", target: "route_billing" },
      { id: "e3", source: "classify", sourceHandle: "technical", target: "route_tech" },
      { id: "e4", source: "classify", sourceHandle: "low_confidence", target: "escalate" },
    ],
  };
}
