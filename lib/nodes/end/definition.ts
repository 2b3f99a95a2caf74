import { z } from "zod";
import { defineNode, step } from "../../engine/node-definition";

export const endConfigSchema = z.object({ note: z.string().max(500).optional() });
export type EndConfig = z.infer<typeof endConfigSchema>;

export const endNode = defineNode<EndConfig>({
  type: "end",
  label: "End",
  group: "outcome",
  description: "Stops here with nothing more to do (spam, duplicates, notifications).",
  configSchema: endConfigSchema,
  defaultConfig: {},
  terminal: true,
  outputHandles: () => [],
  summary: (config) => config.note ?? "No action",
  prepare(config) {
    const terminal = Object.freeze({ type: "end" as const, note: config.note });
    const result = step({ handle: "", terminal });
    return () => result;
  },
});
