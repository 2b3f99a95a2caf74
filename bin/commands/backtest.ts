/**
 * `switchboard backtest <graph.json> --data <file> --map id=…,text=…,expected=…,at=…`: runs a graph against
 * historical cases with no server (an embedded database in a temporary directory) and exits 1 when the
 * graph's validation criteria fail, so a CI pipeline can gate on it.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { register } from "tsx/cjs/api";
import { z } from "zod";
import type { CliIo } from "../cli";
import { CliInputError, readJsonFile } from "../cli/read-json-file";

export const BACKTEST_USAGE = `  backtest <graph.json> --data <cases.csv|.jsonl>  run the graph over historical cases; exit 1 if its criteria fail
      --map id=<col>,expected=<col>,at=<col>[,text=<col>][,type=<col>][,escalated=<col>][,reads=<col>]
      [--date-format iso|day-first|month-first|epoch-seconds|epoch-millis]   default iso
      [--missing ?,N/A] [--ignore <col>,<col>]   values meaning "missing"; columns not to use
      [--from YYYY-MM-DD] [--to YYYY-MM-DD]      window (UTC days, both included); default the latest 90 days
      [--thresholds <node>=<0..1>,…]             threshold overrides for this run
      [--reads <reads.json>]                     connector reads for items that carry none
      [--criteria <criteria.json> | minAutoAccuracy=0.9,maxEscalationRate=0.25[,minRecall=0.6]]
                                                 default: the graph file's "criteria" object, if any
      [--db <postgres-url>] [--json]`;

const DATE_FORMATS = ["iso", "day-first", "month-first", "epoch-seconds", "epoch-millis"] as const;
const MAP_KEYS: Record<string, string> = {
  id: "id",
  expected: "label",
  label: "label",
  at: "at",
  text: "text",
  type: "outcomeType",
  escalated: "escalated",
  reads: "reads",
};
const share = z.number().min(0).max(1);
const criteriaSchema = z.object({
  minAutoAccuracy: share,
  maxEscalationRate: share,
  minLabelRecall: z
    .object({ all: share.optional(), byLabel: z.record(z.string(), share).optional() })
    .nullable()
    .optional(),
});
type Criteria = {
  minAutoAccuracy: number;
  maxEscalationRate: number;
  minLabelRecall: { all?: number; byLabel?: Record<string, number> } | null;
};

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (value === undefined || (value.startsWith("--") && value.length > 2))
    throw new CliInputError(`${name} needs a value`);
  return value;
}

function pairs(text: string, what: string): [string, string][] {
  return text
    .split(",")
    .filter((p) => p.trim().length > 0)
    .map((p) => {
      const eq = p.indexOf("=");
      if (eq <= 0 || eq === p.length - 1) throw new CliInputError(`${what}: "${p}" must read key=value`);
      return [p.slice(0, eq).trim(), p.slice(eq + 1).trim()];
    });
}

function list(text: string | undefined): string[] | undefined {
  return text === undefined
    ? undefined
    : text
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean);
}

function day(value: string | undefined, name: string): string | undefined {
  if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new CliInputError(`${name} must be a day like 2016-04-01`);
  return value;
}

function criteriaOption(text: string, cwd: string): Criteria {
  if (text.endsWith(".json")) return checkCriteria(readJsonFile(text, "criteria", cwd));
  const values = Object.fromEntries(pairs(text, "--criteria").map(([k, v]) => [k, Number(v)]));
  const { minRecall, ...rest } = values;
  return checkCriteria({ ...rest, minLabelRecall: minRecall === undefined ? null : { all: minRecall } });
}

function checkCriteria(raw: unknown): Criteria {
  const parsed = criteriaSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CliInputError(
      `criteria need minAutoAccuracy and maxEscalationRate between 0 and 1 (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message})`,
    );
  }
  return { ...parsed.data, minLabelRecall: parsed.data.minLabelRecall ?? null };
}

/** The server-side runner, loaded with this repository's tsconfig (its `@/` paths) whatever the caller's cwd. */
function loadRunner(): typeof import("../../server/services/backtests/cli-run") {
  const root = path.resolve(__dirname, "..", "..");
  process.env.TSX_TSCONFIG_PATH = path.join(root, "tsconfig.json");
  // The database finds its migrations from the working directory.
  process.chdir(root);
  const scoped = register({ namespace: "switchboard-backtest" });
  return scoped.require(
    "../../server/services/backtests/cli-run",
    __filename,
  ) as typeof import("../../server/services/backtests/cli-run");
}

const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? "n/a" : `${(v * 100).toFixed(1)}%`;

export async function backtestCommand(args: string[], io: CliIo): Promise<number> {
  const graphFile = args[0];
  if (!graphFile || graphFile.startsWith("--"))
    throw new CliInputError(
      "backtest needs a graph file: switchboard backtest <graph.json> --data <file> --map …",
    );
  const dataOption = option(args, "--data");
  if (!dataOption)
    throw new CliInputError("backtest needs the historical cases: --data <file.csv|file.jsonl>");
  const dataFile = path.resolve(io.cwd, dataOption);
  if (!existsSync(dataFile)) throw new CliInputError(`data file not found: ${dataOption}`);
  const mapText = option(args, "--map");
  if (!mapText)
    throw new CliInputError(
      "backtest needs the column mapping: --map id=<col>,expected=<col>,at=<col>[,text=<col>]",
    );
  const mapping: Record<string, unknown> = {};
  for (const [key, column] of pairs(mapText, "--map")) {
    const role = MAP_KEYS[key];
    if (!role)
      throw new CliInputError(`--map: unknown key "${key}" (use ${Object.keys(MAP_KEYS).join(", ")})`);
    mapping[role] = column;
  }
  for (const required of ["id", "label", "at"]) {
    if (!mapping[required])
      throw new CliInputError(`--map needs ${required === "label" ? "expected" : required}=<column>`);
  }
  const dateFormat = option(args, "--date-format") ?? "iso";
  if (!(DATE_FORMATS as readonly string[]).includes(dateFormat))
    throw new CliInputError(`--date-format must be one of ${DATE_FORMATS.join(", ")}`);
  const thresholds: Record<string, number> = {};
  for (const [node, value] of pairs(option(args, "--thresholds") ?? "", "--thresholds")) {
    const n = Number(value);
    if (!(n >= 0 && n <= 1)) throw new CliInputError(`--thresholds: ${node} must be between 0 and 1`);
    thresholds[node] = n;
  }
  const readsFile = option(args, "--reads");
  const reads = readsFile ? readJsonFile(readsFile, "reads", io.cwd) : undefined;
  if (reads !== undefined && (typeof reads !== "object" || reads === null || Array.isArray(reads))) {
    throw new CliInputError(`reads file ${readsFile} must map "connectorId.operation" to {status, …}`);
  }
  const graph = readJsonFile(graphFile, "graph", io.cwd) as Record<string, unknown>;
  const criteriaText = option(args, "--criteria");
  const criteria = criteriaText
    ? criteriaOption(criteriaText, io.cwd)
    : graph && typeof graph === "object" && graph.criteria
      ? checkCriteria(graph.criteria)
      : null;
  const json = args.includes("--json");

  const { runCliBacktest, GraphProblemsError } = loadRunner();
  let report;
  try {
    report = await runCliBacktest({
      graph,
      graphName: typeof graph?.name === "string" ? graph.name : path.basename(graphFile),
      dataFile,
      mapping: {
        format: /\.(jsonl|ndjson)$/i.test(dataFile) ? "jsonl" : "csv",
        dateFormat: dateFormat as (typeof DATE_FORMATS)[number],
        missingValues: list(option(args, "--missing")),
        ignore: list(option(args, "--ignore")),
        ...(mapping as { id: string; label: string; at: string }),
      },
      from: day(option(args, "--from"), "--from"),
      to: day(option(args, "--to"), "--to"),
      thresholds: Object.keys(thresholds).length > 0 ? thresholds : undefined,
      reads: reads as never,
      criteria,
      databaseUrl: option(args, "--db"),
      progress: json ? undefined : (line) => io.err(`${line}\n`),
    });
  } catch (error) {
    if (error instanceof GraphProblemsError) {
      io.err(`${graphFile}: ${error.message}\n`);
      return 1;
    }
    // A failed query's own message carries the whole statement and its parameters: say what the database said.
    const cause = (error as { cause?: unknown }).cause;
    const message =
      error instanceof Error && error.message.startsWith("Failed query") && cause instanceof Error
        ? `the database refused a query: ${cause.message}`
        : error instanceof Error
          ? error.message
          : String(error);
    io.err(`switchboard backtest: ${message}\n`);
    return 2;
  }
  if (json) {
    io.out(`${JSON.stringify(report)}\n`);
  } else {
    const m = report.metrics;
    io.out(
      `Backtest of ${report.graph} on ${path.basename(report.data.file)} (${report.window.from} – ${report.window.to})\n`,
    );
    io.out(`  imported ${report.data.imported} cases, ${report.data.badRows} bad rows\n`);
    for (const t of report.trainedModels)
      io.out(
        `  embedded model ${t.modelKey}: trained on ${t.trainingSize} cases before ${t.cutoff.slice(0, 10)}\n`,
      );
    if (m) {
      io.out(
        `  ${m.items} items · accuracy on auto-handled ${pct(m.autoAccuracy)} · escalation ${pct(m.escalationRate)} · automation ${pct(m.automationRate)}\n`,
      );
    } else io.out(`  the run ${report.status}: ${report.error ?? ""}\n`);
    for (const c of report.verdict?.criteria ?? []) {
      io.out(
        `  ${c.pass ? "✓" : "✗"} ${c.name}: ${pct(c.actual)} (${c.comparison === ">=" ? "≥" : "≤"} ${pct(c.required)})\n`,
      );
    }
    io.out(
      report.verdict ? (report.pass ? "PASSED\n" : "FAILED\n") : "No criteria given: nothing to fail.\n",
    );
  }
  if (report.status !== "done") return 2;
  return report.pass ? 0 : 1;
}
