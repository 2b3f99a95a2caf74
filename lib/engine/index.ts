/**
 * The engine's public surface. Callers (the editor, backtests, shadow and
 * live workers, the inbox, the CLI) import from here.
 */
export {
  graphSchema,
  graphNodeSchema,
  graphEdgeSchema,
  graphSettingsSchema,
  positionSchema,
  identifierSchema,
  GRAPH_SCHEMA_VERSION,
  type Graph,
  type GraphInput,
  type GraphNode,
  type GraphEdge,
  type GraphSettings,
  type Position,
} from "./graph/graph-schema";
export {
  testCaseSchema,
  testCaseExpectationSchema,
  terminalTypeSchema,
  escalationReasonTypeSchema,
  type TestCase,
  type TestCaseExpectation,
  type TerminalType,
  type EscalationReasonType,
} from "./graph/test-case-schema";
export { connectorResultSchema, type ConnectorResult } from "./graph/connector-result-schema";
export {
  modelRefSchema,
  keywordModelRefSchema,
  type ModelRef,
  type KeywordModelRef,
  type ModelKind,
} from "./model-ref";
export type * from "./ports";
export type * from "./node-definition";
export { defineNode } from "./node-definition";
export type * from "./run/outcome";

export { validateGraph } from "./validate/validate-graph";
export type {
  GraphValidationIssue,
  GraphValidationResult,
  ValidationCode,
} from "./validate/validation-issue";
export {
  compileGraph,
  GraphValidationError,
  type CompiledGraph,
  type CompiledNode,
} from "./compile/compile-graph";
export { runItem, runItemSync, executeItem, AsyncPortError, type RunInput } from "./run/run-item";
export {
  runTestCases,
  deterministicTestPorts,
  compareOutcome,
  type TestCaseReport,
  type TestCaseResult,
} from "./testing/run-test-cases";

export { livePorts, type LivePortDeps } from "./modes/live-ports";
export { backtestPorts, type BacktestPortDeps } from "./modes/backtest-ports";
export { shadowPorts, type ShadowPortDeps } from "./modes/shadow-ports";
export { simulatedClock, type SimulatedClock } from "./modes/clocks";
export {
  recordedReadsGateway,
  unconfiguredGateway,
  type RecordedRead,
  type RecordedReads,
} from "./modes/recorded-reads";
export { suppressWrites } from "./modes/suppress-writes";
export { createSideEffectLog, recordingReviewQueue, type SideEffectLog } from "./modes/side-effect-log";

export { keywordModels, classifyByKeywords, ModelUnavailableError } from "./models/keyword-model";
export { routeModels } from "./models/route-models";
export { parseExpression, compileExpression, type CompiledExpression } from "./expression/compile-expression";
export {
  nodeRegistry,
  nodeDefinitions,
  createNodeRegistry,
  NODE_TYPES,
  type NodeRegistry,
  type NodeType,
} from "../nodes/registry";
