import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { supportTriageGraph, supportTriageTestCases } from "../../lib/demo/support-triage";

const BIN = path.resolve(__dirname, "..", "switchboard.mjs");
let dir: string;

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function write(name: string, value: unknown): string {
  writeFileSync(path.join(dir, name), typeof value === "string" ? value : JSON.stringify(value, null, 2));
  return name;
}

const caseItem = (id: string) => supportTriageTestCases.find((c) => c.id === id)!.item;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "switchboard-cli-"));
  write("demo.json", supportTriageGraph);
  write("invalid.json", {
    ...supportTriageGraph,
    edges: supportTriageGraph.edges.filter((e) => e.source !== "classify"),
  });
  write("failing.json", {
    ...supportTriageGraph,
    testCases: [
      { ...supportTriageTestCases[0]!, expected: { terminalType: "route", team: "legal" } },
      supportTriageTestCases[1],
    ],
  });
  write("bad.json", '{\n  "schemaVersion": 1,\n  "nodes": [,]\n}');
  write("critical.json", caseItem("critical-crm-down"));
  write("outage.json", caseItem("enterprise-outage"));
  write("reads.json", { "crm.get_customer": { status: "ok", data: { vip: false } } });
});

describe("switchboard CLI", () => {
  it("validate: exit 0 for a valid graph", async () => {
    const result = await cli("validate", "demo.json");
    expect(result).toMatchObject({ code: 0, stdout: "demo.json is valid.\n" });
  });

  it("validate: exit 1 listing each problem with its node", async () => {
    const result = await cli("validate", "invalid.json");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("invalid.json is not valid (");
    expect(result.stderr).toContain(
      'unreachable [route_billing]: Node "route_billing" (Route to billing-team, route) cannot be reached from the trigger',
    );
    expect(result.stderr).toContain(
      'unconnected_handle [classify]: Node "classify" (Category, classify): the "billing" output leads nowhere',
    );
  });

  it("test: runs the graph's cases and prints the closing count", async () => {
    const passing = await cli("test", "demo.json");
    expect(passing.code).toBe(0);
    expect(passing.stdout.trimEnd().split("\n").at(-1)).toBe(
      `${supportTriageTestCases.length} passed, 0 failed`,
    );
    const failing = await cli("test", "failing.json");
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain("✗ legal-threat");
    expect(failing.stdout).toContain('terminal type: expected "route", got "escalate"');
    expect(failing.stdout.trimEnd().split("\n").at(-1)).toBe("1 passed, 1 failed");
  });

  it("run live: a connector with no configuration is plainly unavailable", async () => {
    const result = await cli("run", "demo.json", "--item", "critical.json");
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as {
      mode: string;
      outcome: Record<string, unknown>;
      trace: { steps: unknown[] };
    };
    expect(output.mode).toBe("live");
    expect(output.outcome).toMatchObject({ type: "escalate", nodeId: "crm_lookup", reasonType: "connector" });
    expect(output.outcome.reason).toBe(
      'Look up customer in CRM: crm.get_customer is unavailable: connector "crm" is not configured here, so get_customer was not called',
    );
    expect(output.trace.steps.length).toBe(4);
  });

  it("run backtest with recorded reads, without the trace", async () => {
    const result = await cli(
      "run",
      "demo.json",
      "--item",
      "outage.json",
      "--mode",
      "backtest",
      "--reads",
      "reads.json",
      "--no-trace",
    );
    const output = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(output).toMatchObject({
      mode: "backtest",
      outcome: { type: "route", team: "priority-support" },
      suppressed: { writes: [], reviewTasks: 0 },
    });
    expect(output).not.toHaveProperty("trace");
  });

  it("run shadow records the review task instead of creating it", async () => {
    const output = JSON.parse(
      (await cli("run", "demo.json", "--item", "critical.json", "--mode", "shadow")).stdout,
    ) as Record<string, unknown>;
    expect(output).toMatchObject({
      mode: "shadow",
      outcome: { type: "escalate" },
      suppressed: { reviewTasks: 1 },
    });
  });

  it("says clearly when a file is missing or not JSON, with line and column", async () => {
    expect(await cli("validate", "nope.json")).toMatchObject({
      code: 2,
      stderr: "switchboard: graph file not found: nope.json\n",
    });
    const bad = await cli("validate", "bad.json");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^switchboard: graph file bad\.json is not valid JSON at line 3, column 13: /);
    expect(await cli("run", "demo.json")).toMatchObject({
      code: 2,
      stderr: "switchboard: run needs an item: --item <item.json>\n",
    });
    expect((await cli("run", "demo.json", "--item", "critical.json", "--mode", "dream")).stderr).toContain(
      'unknown mode "dream"',
    );
  });

  it("prints usage for an unknown command", async () => {
    const result = await cli("frobnicate");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command "frobnicate".');
    expect(result.stderr).toContain("Usage: switchboard <command>");
  });

  it("export-demo writes the demo graph", async () => {
    expect((await cli("export-demo", "out.json")).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "out.json"), "utf8"))).toEqual(
      JSON.parse(JSON.stringify(supportTriageGraph)),
    );
  });
});
