import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTickets } from "../../../lib/demo/history/generate-tickets";
import { supportTriageGraph } from "../../../lib/demo/support-triage";
import {
  DEMO_READS_FIXTURE,
  DEMO_TICKET_COLUMNS,
  ticketCsvLine,
} from "../../../server/services/backtests/demo-history";

const BIN = path.resolve(__dirname, "..", "..", "switchboard.mjs");
let dir: string;

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // Run from an unrelated directory, as a CI pipeline would.
    execFile(process.execPath, [BIN, ...args], { cwd: dir, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const MAP = "id=ticket_id,text=body,expected=outcome,at=created_at,type=outcome_type";

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "switchboard-backtest-cli-"));
  const tickets = generateTickets({ startMs: Date.UTC(2025, 0, 6), days: 14, seed: 5, weekdayMean: 25 });
  writeFileSync(
    path.join(dir, "cases.csv"),
    `${DEMO_TICKET_COLUMNS.join(",")}\n${tickets.map(ticketCsvLine).join("\n")}\n`,
  );
  writeFileSync(path.join(dir, "reads.json"), JSON.stringify(DEMO_READS_FIXTURE));
  // The criteria travel with the graph: the demo meets these…
  writeFileSync(
    path.join(dir, "graph.json"),
    JSON.stringify({ ...supportTriageGraph, criteria: { minAutoAccuracy: 0.85, maxEscalationRate: 0.4 } }),
  );
  writeFileSync(path.join(dir, "broken.json"), JSON.stringify({ ...supportTriageGraph, edges: [] }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("switchboard backtest", () => {
  it("prints the metrics as JSON and exits 0 when the graph's criteria pass", async () => {
    const result = await cli(
      "backtest",
      "graph.json",
      "--data",
      "cases.csv",
      "--map",
      MAP,
      "--reads",
      "reads.json",
      "--from",
      "2025-01-09",
      "--json",
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      pass: boolean;
      window: { from: string; to: string };
      metrics: { items: number; autoAccuracy: number };
      verdict: { criteria: unknown[] };
    };
    expect(report.pass).toBe(true);
    expect(report.window).toEqual({ from: "2025-01-09", to: "2025-01-19" });
    expect(report.metrics.items).toBeGreaterThan(100);
    expect(report.verdict.criteria).toHaveLength(2);
  });

  it("exits 1 when a criterion fails (--criteria overrides the graph's)", async () => {
    const result = await cli(
      "backtest",
      "graph.json",
      "--data",
      "cases.csv",
      "--map",
      MAP,
      "--reads",
      "reads.json",
      "--criteria",
      "minAutoAccuracy=0.99,maxEscalationRate=0.05",
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("✗ Escalation rate");
    expect(result.stdout).toContain("FAILED");
  });

  it("exits 1 on an invalid graph and 2 on bad usage, saying why", async () => {
    const broken = await cli("backtest", "broken.json", "--data", "cases.csv", "--map", MAP);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("not valid");
    const noMap = await cli("backtest", "graph.json", "--data", "cases.csv");
    expect(noMap).toMatchObject({ code: 2 });
    expect(noMap.stderr).toContain("--map");
    const missing = await cli("backtest", "graph.json", "--data", "nope.csv", "--map", MAP);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("data file not found");
  });
});
