import { z } from "zod";
import { defineNode, step } from "../../engine/node-definition";

export const routeConfigSchema = z.object({
  team: z.string().min(1).max(120),
  queue: z.string().min(1).max(120).optional(),
});
export type RouteConfig = z.infer<typeof routeConfigSchema>;

export const routeNode = defineNode<RouteConfig>({
  type: "route",
  label: "Route to team",
  group: "outcome",
  description: "Assigns the item to a team (and optionally one of its queues).",
  configSchema: routeConfigSchema,
  defaultConfig: { team: "support" },
  terminal: true,
  outputHandles: () => [],
  summary: (config) => `→ ${config.team}${config.queue ? ` / ${config.queue}` : ""}`,
  prepare(config) {
    const terminal = Object.freeze({ type: "route" as const, team: config.team, queue: config.queue });
    const result = step({ handle: "", terminal });
    return () => result;
  },
});
