import type { Graph } from "@/lib/engine/graph/graph-schema";
import type { ItemLabel } from "../../db/schema";

/** One outcome a reviewer can pick when overriding. */
export interface OutcomeOption {
  /** Stable key: `${type}:${label}`. */
  key: string;
  /** Where it comes from, in words: the node's name, or the knowledge-base entry's title. */
  title: string;
  outcome: ItemLabel;
}

type Json = Record<string, unknown>;
const str = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() ? value : undefined;

/**
 * What a reviewer may decide instead of the suggestion, from the version's graph: every route (team),
 * every resolution (auto-resolve nodes, and each known resolution of a match node), and "end".
 */
export function outcomeOptions(graph: Pick<Graph, "nodes">): OutcomeOption[] {
  const options = new Map<string, OutcomeOption>();
  const add = (title: string, outcome: ItemLabel) => {
    const key = `${outcome.type}:${outcome.label}`;
    if (!options.has(key)) options.set(key, { key, title, outcome });
  };
  for (const node of graph.nodes) {
    const config = (node.config ?? {}) as Json;
    const name = node.name ?? node.id;
    if (node.type === "route") {
      const team = str(config.team);
      const queue = str(config.queue);
      if (team) add(name, { type: "route", label: team, team, ...(queue ? { queue } : {}), nodeId: node.id });
    } else if (node.type === "resolve") {
      const resolution = str(config.resolution) ?? node.id;
      add(name, { type: "resolve", label: resolution, resolution, nodeId: node.id });
    } else if (node.type === "match" && Array.isArray(config.entries)) {
      for (const entry of config.entries as Json[]) {
        const id = str(entry?.id);
        if (id) add(`Known fix: ${str(entry.title) ?? id}`, { type: "resolve", label: id, resolution: id });
      }
    } else if (node.type === "end") {
      add(name, { type: "end", label: "end", nodeId: node.id });
    }
  }
  if (!options.has("end:end")) add("End (no action needed)", { type: "end", label: "end" });
  return [...options.values()];
}
