import { z } from "zod";
import { escalationReasonTypeSchema } from "../../engine/graph/test-case-schema";
import { defineNode, step } from "../../engine/node-definition";

export const escalateConfigSchema = z.object({
  queue: z.string().min(1).max(120).default("review"),
  /** When left out, the reason follows from the handle that led here (low_confidence → confidence, a rule match → rule…). */
  reasonType: escalationReasonTypeSchema.optional(),
  /** Added to the one-line reason a reviewer sees. */
  note: z.string().max(500).optional(),
});
export type EscalateConfig = z.infer<typeof escalateConfigSchema>;

export const escalateNode = defineNode<EscalateConfig>({
  type: "escalate",
  label: "Escalate to a person",
  group: "escalation",
  description: "Hands the item to a human review queue with the reason and what the graph would have done.",
  configSchema: escalateConfigSchema,
  defaultConfig: { queue: "review" },
  terminal: true,
  outputHandles: () => [],
  summary: (config) => `→ ${config.queue}${config.reasonType ? ` (${config.reasonType})` : ""}`,
  prepare(config) {
    const terminal = Object.freeze({
      type: "escalate" as const,
      queue: config.queue,
      reasonType: config.reasonType,
      note: config.note,
    });
    const result = step({ handle: "", terminal });
    return () => result;
  },
});
