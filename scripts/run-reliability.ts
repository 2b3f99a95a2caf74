/**
 * `npm run test:reliability`: runs the reliability suite (server/**\/*.reliability.test.ts), then the
 * browser sweep for stored XSS (playwright.security.config.ts) when a production build exists, and prints
 * the figures they measured as a table, then one JSON line. Durability tests need a Postgres server
 * (DATABASE_URL); without one they are skipped and their figures are absent. Arguments are passed to vitest.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
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
  "expression_payloads",
  "template_payloads",
  "templates_evaluated",
  "data_texts",
  "data_texts_altered",
  "poison_items",
  "poison_dead_lettered",
  "poison_collateral",
  "enqueue_requests",
  "enqueue_failures_injected",
  "acked_items_missing",
  "rolled_back_leftovers",
  "pinned_items",
  "version_mismatches",
  "csv_files",
  "csv_rows",
  "csv_rows_unaccounted",
  "csv_import_crashes",
] as const;

function main(): void {
  const dir = mkdtempSync(path.join(tmpdir(), "switchboard-reliability-"));
  const figuresFile = path.join(dir, "figures.jsonl");
  const env = { ...process.env, SWITCHBOARD_RELIABILITY_FIGURES: figuresFile };
  const result = spawnSync(
    "npx",
    ["vitest", "run", "--config", "vitest.reliability.config.mts", ...process.argv.slice(2)],
    { stdio: "inherit", env },
  );
  // A run narrowed to some vitest files is someone working on those: the browser sweep would only slow it.
  const browser = process.argv.length > 2 ? "filtered" : runBrowserSweep(env);
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
    const absent = !BROWSER_FIELDS.has(field)
      ? "not measured in this run"
      : browser === "no build"
        ? "not measured (no build)"
        : "not measured (a filtered run skips the browser sweep)";
    console.log(`  ${field.padEnd(width)}  ${field in figures ? figures[field] : absent}`);
  }
  const line = Object.fromEntries(FIELDS.map((field) => [field, figures[field] ?? null]));
  console.log(JSON.stringify(line));
  const failed = (result.status ?? 1) !== 0 || browser === "failed";
  process.exit(failed ? 1 : 0);
}

/** The figures only the browser sweep measures. */
const BROWSER_FIELDS: ReadonlySet<string> = new Set(["xss_payloads", "xss_executions"]);

/**
 * Stored XSS is measured in Chromium against `next start`, so it needs a production build (`npm run
 * build`); without one it is reported as not measured rather than building here.
 */
function runBrowserSweep(env: NodeJS.ProcessEnv): "passed" | "failed" | "no build" | "filtered" {
  if (!existsSync(path.join(".next", "BUILD_ID"))) {
    console.log("\nStored-XSS sweep: not measured (no build; run `npm run build` first)");
    return "no build";
  }
  console.log("\nStored-XSS sweep in Chromium (playwright.security.config.ts)");
  const sweep = spawnSync("npx", ["playwright", "test", "--config", "playwright.security.config.ts"], {
    stdio: "inherit",
    env,
  });
  return sweep.status === 0 ? "passed" : "failed";
}

main();
