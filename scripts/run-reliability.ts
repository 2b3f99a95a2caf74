/**
 * `npm run test:reliability`: runs the reliability suite (server/**\/*.reliability.test.ts) and prints the
 * figures its tests measured as a table, then one JSON line. Durability tests need a Postgres server
 * (DATABASE_URL); without one they are skipped and their figures are absent.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const FIELDS = [
  "items",
  "kills",
  "lost",
  "duplicated_outcomes",
  "duplicated_writes",
  "fenced_writes",
  "connection_cuts",
  "lost_after_cuts",
  "fuzz_payloads",
  "responses_5xx",
  "expressions_evaluated",
  "xss_payloads",
  "xss_executions",
  "ssrf_urls",
  "ssrf_allowed",
  "secret_hits",
  "authz_cases",
  "authz_failures",
] as const;

function main(): void {
  const dir = mkdtempSync(path.join(tmpdir(), "switchboard-reliability-"));
  const figuresFile = path.join(dir, "figures.jsonl");
  const result = spawnSync(
    "npx",
    ["vitest", "run", "--config", "vitest.reliability.config.mts", ...process.argv.slice(2)],
    { stdio: "inherit", env: { ...process.env, SWITCHBOARD_RELIABILITY_FIGURES: figuresFile } },
  );
  const figures: Record<string, number> = {};
  let lines: string[] = [];
  try {
    lines = readFileSync(figuresFile, "utf8").split("\n").filter(Boolean);
  } catch {
    // No test recorded anything (all skipped).
  }
  for (const line of lines) {
    for (const [key, value] of Object.entries(JSON.parse(line) as Record<string, number>)) {
      figures[key] = (figures[key] ?? 0) + value;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const width = Math.max(...FIELDS.map((f) => f.length));
  console.log("\nReliability and security figures");
  for (const field of FIELDS) {
    console.log(
      `  ${field.padEnd(width)}  ${field in figures ? figures[field] : "not measured in this run"}`,
    );
  }
  const line = Object.fromEntries(FIELDS.map((field) => [field, figures[field] ?? null]));
  console.log(JSON.stringify(line));
  process.exit(result.status ?? 1);
}

main();
