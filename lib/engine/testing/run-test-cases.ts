import type { CompiledGraph } from "../compile/compile-graph";
import type { TestCase, TestCaseExpectation } from "../graph/test-case-schema";
import { backtestPorts } from "../modes/backtest-ports";
import { routeModels } from "../models/route-models";
import type { Ports } from "../ports";
import type { Outcome, Trace } from "../run/outcome";
import { runItem } from "../run/run-item";

export interface TestCaseResult {
  caseId: string;
  name: string;
  pass: boolean;
  knownFailure: boolean;
  expected: TestCaseExpectation;
  actual: Outcome;
  /** What differed, one line each (empty when the case passed). */
  mismatches: string[];
  trace?: Trace;
}
export interface TestCaseReport {
  passed: number;
  /** Failures that block publishing (known failures are not counted here). */
  failed: number;
  /** Cases marked knownFailure that failed: reported, never blocking. */
  knownFailures: number;
  results: TestCaseResult[];
}

/** The deterministic bundle: keyword model, the case's recorded reads, nothing sent anywhere. */
export function deterministicTestPorts(testCase: Pick<TestCase, "recordedReads">): Ports {
  return backtestPorts({ models: routeModels(), recordedReads: testCase.recordedReads ?? {} });
}

export function compareOutcome(expected: TestCaseExpectation, actual: Outcome): string[] {
  const mismatches: string[] = [];
  const differs = (what: string, want: unknown, got: unknown): void => {
    if (want !== undefined && want !== got)
      mismatches.push(`${what}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got ?? null)}`);
  };
  differs("terminal type", expected.terminalType, actual.type);
  differs("node", expected.nodeId, actual.nodeId);
  differs("team", expected.team, actual.type === "route" ? actual.team : undefined);
  differs(
    "queue",
    expected.queue,
    actual.type === "route" || actual.type === "escalate" ? actual.queue : undefined,
  );
  differs("reason type", expected.reasonType, actual.type === "escalate" ? actual.reasonType : undefined);
  return mismatches;
}

function describeActual(outcome: Outcome): string {
  switch (outcome.type) {
    case "route":
      return `route to ${outcome.team}`;
    case "escalate":
      return `escalate (${outcome.reasonType}): ${outcome.reason}`;
    case "error":
      return `error ${outcome.code}: ${outcome.message}`;
    default:
      return `${outcome.type} at ${outcome.nodeId}`;
  }
}

/**
 * Runs a graph's spec cases. `ports` is a bundle, or a factory that builds
 * one per case (the default: deterministic ports with the case's recorded reads).
 */
export async function runTestCases(
  compiled: CompiledGraph,
  cases: readonly TestCase[],
  ports: Ports | ((testCase: TestCase) => Ports) = deterministicTestPorts,
): Promise<TestCaseReport> {
  const results: TestCaseResult[] = [];
  for (const testCase of cases) {
    const bundle = typeof ports === "function" ? ports(testCase) : ports;
    const { outcome, trace } = await runItem(compiled, testCase.item, {
      ports: bundle,
      thresholdOverrides: testCase.thresholdOverrides,
      runKey: `test:${testCase.id}`,
    });
    const mismatches = compareOutcome(testCase.expected, outcome);
    if (mismatches.length > 0) mismatches.push(`actual: ${describeActual(outcome)}`);
    results.push({
      caseId: testCase.id,
      name: testCase.name,
      pass: mismatches.length === 0,
      knownFailure: testCase.knownFailure === true,
      expected: testCase.expected,
      actual: outcome,
      mismatches,
      trace,
    });
  }
  const passed = results.filter((r) => r.pass).length;
  const knownFailures = results.filter((r) => !r.pass && r.knownFailure).length;
  return { passed, failed: results.length - passed - knownFailures, knownFailures, results };
}
