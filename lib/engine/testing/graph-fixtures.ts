/**
 * Small builders for graphs in tests, so each test shows its graph's shape
 * rather than JSON boilerplate.
 */
import type { GraphInput } from "../graph/graph-schema";
import { keywordModels } from "../models/keyword-model";
import { createSideEffectLog, recordingReviewQueue, type SideEffectLog } from "../modes/side-effect-log";
import { recordedReadsGateway, type RecordedReads } from "../modes/recorded-reads";
import type { Models, Ports } from "../ports";

type NodeInput = GraphInput["nodes"][number];

export const TICKET_FIELDS = [
  { name: "id", type: "string", required: true },
  { name: "text", type: "string", required: true },
  { name: "tier", type: "enum", required: false, values: ["free", "pro", "enterprise"] },
  { name: "amount", type: "number", required: false },
  { name: "created_at", type: "date", required: true },
];

export function triggerNode(id = "trigger", fields: unknown[] = TICKET_FIELDS): NodeInput {
  return {
    id,
    type: "trigger",
    position: { x: 0, y: 0 },
    config: { fields, textField: "text", idField: "id", occurredAtField: "created_at" },
  };
}

export function node(
  id: string,
  type: string,
  config: Record<string, unknown> = {},
  extra: Partial<NodeInput> = {},
): NodeInput {
  return { id, type, position: { x: 0, y: 0 }, config, ...extra };
}

export function edge(source: string, sourceHandle: string, target: string): GraphInput["edges"][number] {
  return { id: `${source}:${sourceHandle}->${target}`, source, sourceHandle, target };
}

export function graph(
  nodes: NodeInput[],
  edges: GraphInput["edges"],
  extra: Partial<GraphInput> = {},
): GraphInput {
  return { schemaVersion: 1, nodes, edges, ...extra };
}

export function ticket(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: "T-1", text, created_at: "2025-01-02T03:04:05Z", ...extra };
}

/** Synchronous, deterministic ports that record side effects instead of performing them. */
export function fakePorts(
  options: { models?: Models; reads?: RecordedReads; log?: SideEffectLog; now?: number } = {},
): Ports & {
  log: SideEffectLog;
} {
  const log = options.log ?? createSideEffectLog();
  let tick = 0;
  return {
    clock: { now: () => options.now ?? 1_700_000_000_000, monotonic: () => (tick += 1) },
    models: options.models ?? keywordModels,
    connectors: recordedReadsGateway(options.reads ?? {}),
    reviewQueue: recordingReviewQueue(log),
    log,
  };
}
