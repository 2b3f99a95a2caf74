/**
 * The contract every node type fulfils. A node type is one folder in
 * lib/nodes/<type>/ with a definition.ts exporting one NodeDefinition, and
 * one line in lib/nodes/registry.ts.
 */
import type { z } from "zod";
import type { EscalationReasonType } from "./graph/test-case-schema";
import type { MaybePromise, Ports } from "./ports";
import type { ThresholdInForce } from "./run/outcome";
import type { ConnectorCatalog } from "./validate/connector-catalog";

export type PaletteGroup = "trigger" | "decision" | "connector" | "escalation" | "outcome";

export interface HandleSpec {
  id: string;
  label: string;
  /** The escalation reason when this handle is taken into an escalation (low_confidence → confidence). */
  escalateAs?: EscalationReasonType;
  /**
   * What the node's own config says happens when this handle is taken and
   * left unconnected (a connector set to `onUnavailable: "escalate"`).
   */
  whenUnconnected?: "escalate";
  /** The config guarantees this handle is never taken, so it must stay unconnected. */
  neverTaken?: string;
}

export type ItemFieldType = "string" | "number" | "boolean" | "date" | "enum";
export interface ItemFieldInfo {
  name: string;
  type: ItemFieldType;
  required: boolean;
  values?: readonly string[];
}
/** What a trigger tells the rest of the graph about the items it admits. */
export interface ItemShape {
  fields: readonly ItemFieldInfo[];
  textField: string;
  idField: string;
  occurredAtField?: string;
}

export interface CheckIssue {
  code: string;
  message: string;
}
/** Whole-graph facts a node's semantic check may need. */
export interface GraphCheckContext {
  nodeId: string;
  /** Undefined when the graph has no valid trigger yet. */
  itemShape: ItemShape | undefined;
  /** True when `nodeId` runs before this node on some path. */
  isUpstream(nodeId: string): boolean;
  hasNode(nodeId: string): boolean;
  /** The connectors that exist, when the caller knows them (server-side validation). */
  connectors?: ConnectorCatalog;
}

export interface PrepareContext {
  nodeId: string;
  nodeName?: string;
  itemShape: ItemShape;
}

/** What a step reads and writes. One per run; executors treat it as read-only. */
export interface RunContext {
  readonly item: Readonly<Record<string, unknown>>;
  /** Outputs of the nodes already visited on this run, by node id. */
  readonly nodes: Readonly<Record<string, unknown>>;
  readonly ports: Ports;
  /** True when a trace is being recorded: executors may skip building `inputs` otherwise. */
  readonly tracing: boolean;
  readonly runKey: string;
  readonly thresholdOverrides: Readonly<Record<string, number>> | undefined;
  /** The item outlived its retry_later bound: connectors stop parking it (see RunInput). */
  readonly retryLaterExpired: boolean;
  /** `text.toLowerCase()`, memoised for the run (several nodes read the same text). */
  lowercase(text: string): string;
}

export interface TerminalResult {
  type: "route" | "resolve" | "end" | "escalate";
  team?: string;
  queue?: string;
  resolution?: string;
  reply?: string;
  note?: string;
  /** Escalate nodes: the configured reason type; when absent it is derived from the handle that led here. */
  reasonType?: EscalationReasonType;
}

export interface StepResult {
  /** The output handle taken; "" for terminals. */
  handle: string;
  /** Visible to later nodes as `nodes.<id>` and recorded in the trace. */
  output?: unknown;
  inputs?: Record<string, unknown>;
  confidence?: number;
  threshold?: ThresholdInForce;
  /** One line on why this handle: "billing at 0.41 < threshold 0.70". */
  detail?: string;
  /** The handle the node would take were its doubt settled by its best guess (for suggested outcomes). */
  alternateHandle?: string;
  terminal?: TerminalResult;
  /** Stop the run and ask for it to be retried later. */
  defer?: { reason: string };
  /** Stop the run with an error outcome. */
  error?: { code: string; message: string };
  /** Triggers only: the validated item later nodes see (absent optional fields set to null). */
  admittedItem?: Record<string, unknown>;
}

/**
 * Builds a StepResult. Every result built here shares one hidden class, so
 * the interpreter's reads of it stay monomorphic (plain literals of varying
 * shapes made the hot loop measurably slower). Results may be built once and
 * shared between runs; nothing mutates them.
 */
class StepRecord implements StepResult {
  handle: string;
  output: unknown;
  inputs: Record<string, unknown> | undefined;
  confidence: number | undefined;
  threshold: ThresholdInForce | undefined;
  detail: string | undefined;
  alternateHandle: string | undefined;
  terminal: TerminalResult | undefined;
  defer: { reason: string } | undefined;
  error: { code: string; message: string } | undefined;
  admittedItem: Record<string, unknown> | undefined;
  constructor(fields: StepResult) {
    this.handle = fields.handle;
    this.output = fields.output;
    this.inputs = fields.inputs;
    this.confidence = fields.confidence;
    this.threshold = fields.threshold;
    this.detail = fields.detail;
    this.alternateHandle = fields.alternateHandle;
    this.terminal = fields.terminal;
    this.defer = fields.defer;
    this.error = fields.error;
    this.admittedItem = fields.admittedItem;
  }
}

export function step(fields: StepResult): StepResult {
  return new StepRecord(fields);
}

/**
 * A node's executor: pure, given the run's context. Answers a StepResult
 * (built with `step`), or a native Promise of one when a port is asynchronous
 * (wrap foreign thenables with Promise.resolve).
 */
export type NodeStep = (run: RunContext) => MaybePromise<StepResult>;

export interface NodeDefinition<Config = unknown> {
  type: string;
  label: string;
  group: PaletteGroup;
  description: string;
  configSchema: z.ZodType<Config, unknown>;
  defaultConfig: Config;
  terminal: boolean;
  outputHandles(config: Config): readonly HandleSpec[];
  /** One line shown on the canvas. */
  summary(config: Config): string;
  /** Checks that need the rest of the graph: expressions parse, fields exist, regexes compile. */
  check?(config: Config, context: GraphCheckContext): CheckIssue[];
  /**
   * The config with `map` applied to each of its CEL expressions, for node types that have any: pasting
   * renames the node references in them when pasted nodes get new ids.
   */
  mapExpressions?(config: Config, map: (source: string) => string): Config;
  /** Trigger types only: the item shape they admit. */
  itemShape?(config: Config): ItemShape;
  /** Called once per compile: parse, precompute, and return the pure executor. */
  prepare(config: Config, context: PrepareContext): NodeStep;
}

/** Identity helper that keeps a definition's config type checked. */
export function defineNode<Config>(definition: NodeDefinition<Config>): NodeDefinition<Config> {
  return definition;
}
