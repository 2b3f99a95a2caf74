import { GRAPH_SCHEMA_VERSION, type Graph } from "@/lib/engine/graph/graph-schema";
import { endNode } from "@/lib/nodes/end/definition";
import { triggerNode } from "@/lib/nodes/trigger/definition";

/** A new workflow: a trigger with the default item fields, wired to an end. Valid from the first save. */
export function starterGraph(): Graph {
  return {
    schemaVersion: GRAPH_SCHEMA_VERSION,
    nodes: [
      {
        id: "trigger",
        type: triggerNode.type,
        name: "New item",
        position: { x: 0, y: 0 },
        config: { ...triggerNode.defaultConfig },
      },
      {
        id: "done",
        type: endNode.type,
        name: "Done",
        position: { x: 320, y: 0 },
        config: { ...endNode.defaultConfig },
      },
    ],
    edges: [{ id: "trigger-out-done", source: "trigger", sourceHandle: "out", target: "done" }],
  };
}
