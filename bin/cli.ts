/**
 * The switchboard command line: validate, test and run workflow graphs.
 * `main` takes its arguments and output streams, and answers an exit code,
 * so tests can call it as the binary does.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { compileGraph } from "../lib/engine/compile/compile-graph";
import type { Graph } from "../lib/engine/graph/graph-schema";
import { connectorResultSchema } from "../lib/engine/graph/connector-result-schema";
import { runItem } from "../lib/engine/run/run-item";
import { runTestCases } from "../lib/engine/testing/run-test-cases";
import { validateGraph } from "../lib/engine/validate/validate-graph";
import { supportTriageGraph } from "../lib/demo/support-triage";
import { z } from "zod";
import { BACKTEST_USAGE, backtestCommand } from "./commands/backtest";
import { portsForMode, MODES, type Mode } from "./cli/ports-for-mode";
import { CliInputError, readJsonFile } from "./cli/read-json-file";

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export const USAGE = `Usage: switchboard <command> [options]

Commands:
  validate <graph.json>                      check a workflow graph; exit 1 if it is invalid
  test <graph.json>                          run the graph's test cases with deterministic ports; exit 1 on a failure
  run <graph.json> --item <item.json>        run one item and print the outcome and trace as JSON
      [--mode live|backtest|shadow]          default live (no integrations here: connectors answer "unavailable")
      [--reads <reads.json>]                 backtest: connector reads by "connectorId.operation"
      [--no-trace]                           print the outcome only
  export-demo <out.json>                     write the support-triage demo graph
${BACKTEST_USAGE}
  help                                       show this text

Exit codes: 0 ok, 1 invalid graph or failing tests, 2 bad usage or unreadable input.`;

function loadGraph(file: string, io: CliIo): { graph: unknown; errors: string[] } {
  const graph = readJsonFile(file, "graph", io.cwd);
  const result = validateGraph(graph);
  const errors = result.errors.map(
    (e) => `${e.code}${e.nodeId ? ` [${e.nodeId}]` : e.edgeId ? ` [edge ${e.edgeId}]` : ""}: ${e.message}`,
  );
  return { graph, errors };
}

function validateCommand(args: string[], io: CliIo): number {
  const [file] = args;
  if (!file) throw new CliInputError("validate needs a graph file: switchboard validate <graph.json>");
  const { errors } = loadGraph(file, io);
  if (errors.length > 0) {
    io.err(
      `${file} is not valid (${errors.length} ${errors.length === 1 ? "problem" : "problems"}):\n${errors.map((e) => `  - ${e}`).join("\n")}\n`,
    );
    return 1;
  }
  io.out(`${file} is valid.\n`);
  return 0;
}

async function testCommand(args: string[], io: CliIo): Promise<number> {
  const [file] = args;
  if (!file) throw new CliInputError("test needs a graph file: switchboard test <graph.json>");
  const { graph, errors } = loadGraph(file, io);
  if (errors.length > 0) {
    io.err(`${file} is not valid, so its tests cannot run:\n${errors.map((e) => `  - ${e}`).join("\n")}\n`);
    return 1;
  }
  const compiled = compileGraph(graph);
  const cases = (compiled.graph as Graph).testCases ?? [];
  const report = await runTestCases(compiled, cases);
  for (const result of report.results) {
    const mark = result.pass ? "✓" : result.knownFailure ? "~" : "✗";
    io.out(
      `${mark} ${result.caseId}: ${result.name}${result.knownFailure && !result.pass ? " (known failure)" : ""}\n`,
    );
    for (const line of result.mismatches) io.out(`    ${line}\n`);
  }
  if (cases.length === 0) io.out("The graph has no test cases.\n");
  if (report.knownFailures > 0)
    io.out(
      `${report.knownFailures} known ${report.knownFailures === 1 ? "failure" : "failures"} (not blocking)\n`,
    );
  io.out(`${report.passed} passed, ${report.failed} failed\n`);
  return report.failed > 0 ? 1 : 0;
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith("--")) throw new CliInputError(`${name} needs a value`);
  return value;
}

async function runCommand(args: string[], io: CliIo): Promise<number> {
  const file = args[0];
  if (!file || file.startsWith("--"))
    throw new CliInputError("run needs a graph file: switchboard run <graph.json> --item <item.json>");
  const itemFile = option(args, "--item");
  if (!itemFile) throw new CliInputError("run needs an item: --item <item.json>");
  const mode = (option(args, "--mode") ?? "live") as Mode;
  if (!MODES.includes(mode)) throw new CliInputError(`unknown mode "${mode}"; use live, backtest or shadow`);
  const readsFile = option(args, "--reads");
  const reads = readsFile
    ? z.record(z.string(), connectorResultSchema).safeParse(readJsonFile(readsFile, "reads", io.cwd))
    : undefined;
  if (reads && !reads.success)
    throw new CliInputError(
      `reads file ${readsFile} must map "connectorId.operation" to {status, …}: ${reads.error.issues[0]?.message}`,
    );

  const { graph, errors } = loadGraph(file, io);
  if (errors.length > 0) {
    io.err(`${file} is not valid, so it cannot run:\n${errors.map((e) => `  - ${e}`).join("\n")}\n`);
    return 1;
  }
  const item = readJsonFile(itemFile, "item", io.cwd);
  const { ports, log } = portsForMode(mode, reads?.data);
  const result = await runItem(compileGraph(graph), item, { ports, trace: !args.includes("--no-trace") });
  const suppressed =
    mode === "live" ? {} : { suppressed: { writes: log.writes, reviewTasks: log.reviewTasks.length } };
  io.out(`${JSON.stringify({ mode, ...result, ...suppressed }, null, 2)}\n`);
  return 0;
}

function exportDemoCommand(args: string[], io: CliIo): number {
  const [file] = args;
  if (!file) throw new CliInputError("export-demo needs an output file: switchboard export-demo <out.json>");
  writeFileSync(path.resolve(io.cwd, file), `${JSON.stringify(supportTriageGraph, null, 2)}\n`);
  io.out(`Wrote the support-triage demo graph to ${file}.\n`);
  return 0;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case "validate":
        return validateCommand(args, io);
      case "test":
        return await testCommand(args, io);
      case "run":
        return await runCommand(args, io);
      case "export-demo":
        return exportDemoCommand(args, io);
      case "backtest":
        return await backtestCommand(args, io);
      case "help":
      case "--help":
      case "-h":
        io.out(`${USAGE}\n`);
        return 0;
      default:
        io.err(`${command ? `Unknown command "${command}".` : "No command given."}\n\n${USAGE}\n`);
        return 2;
    }
  } catch (error) {
    if (error instanceof CliInputError) {
      io.err(`switchboard: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
