import { z } from "zod";
import { testCaseSchema } from "./test-case-schema";

/**
 * Node ids and item field names double as identifiers in expressions
 * (`nodes.classify_1.confidence`, `item.customer_tier`), so they are kept to
 * identifier characters.
 */
const RESERVED_IDENTIFIERS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);
export const identifierSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, "use letters, digits and _ (start with a letter or _; at most 64)")
  .refine((id) => !RESERVED_IDENTIFIERS.has(id), "this name is reserved; choose another");

export const positionSchema = z.object({ x: z.number(), y: z.number() });
export type Position = z.infer<typeof positionSchema>;

export const graphNodeSchema = z.object({
  id: identifierSchema,
  type: z.string().min(1),
  name: z.string().max(120).optional(),
  position: positionSchema,
  config: z.record(z.string(), z.unknown()),
  /** Output handles that, when taken and left unconnected, hand the item to a human. */
  escalateUnconnected: z.array(z.string()).optional(),
});
export type GraphNode = z.infer<typeof graphNodeSchema>;

export const graphEdgeSchema = z.object({
  id: z.string().min(1).max(128),
  source: z.string().min(1),
  sourceHandle: z.string().min(1),
  target: z.string().min(1),
  /** Kept for React Flow round-trips; every node has a single input. */
  targetHandle: z.string().nullable().optional(),
});
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

export const graphSettingsSchema = z.object({
  /** Queue used when an unconnected escalate-if-taken handle hands an item to a human. */
  escalationQueue: z.string().min(1).max(120).default("review"),
});
export type GraphSettings = z.infer<typeof graphSettingsSchema>;

export const GRAPH_SCHEMA_VERSION = 1 as const;

export const graphSchema = z.object({
  schemaVersion: z.literal(GRAPH_SCHEMA_VERSION),
  id: z.string().max(128).optional(),
  name: z.string().max(200).optional(),
  description: z.string().max(4000).optional(),
  settings: graphSettingsSchema.optional(),
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
  testCases: z.array(testCaseSchema).optional(),
});
export type Graph = z.infer<typeof graphSchema>;
/** What a caller may hand in before defaults are applied. */
export type GraphInput = z.input<typeof graphSchema>;
