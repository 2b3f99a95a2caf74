import { eq } from "drizzle-orm";
import { generateTickets } from "@/lib/demo/history/generate-tickets";
import type { Db } from "../../db/client";
import { backtestRuns, workflowVersions } from "../../db/schema";
import { importDataset } from "../datasets/import-dataset";
import { saveCriteria } from "./criteria";
import { DEMO_MAPPING, DEMO_READS_FIXTURE, ticketsCsv } from "./demo-history";
import { executeBacktest } from "./run-backtest";
import { signOffBacktest } from "./sign-off";
import { startBacktest } from "./start-backtest";

const DAY_MS = 86_400_000;
export const DEMO_DATASET_NAME = "Support tickets (last 120 days)";

/**
 * The backtest part of the demo workspace: 120 days of support history ending yesterday, imported as a
 * dataset; validation criteria recorded before any run (approver: the admin); the published version run over
 * the latest 90 days and, having passed, signed off by the admin; then the draft (a stricter classify
 * threshold) run over the same window, failing on escalation — the gate at work. Deterministic data.
 */
export async function seedDemoHistoryAndBacktest(
  db: Db,
  options: { workflowId: string; ownerId: string; adminId: string; now?: number },
) {
  const today = Math.floor((options.now ?? Date.now()) / DAY_MS) * DAY_MS;
  // Start on a Monday: the weekly rhythm then lines up the same way whatever the day, so the figures (and the
  // verdicts) are the same on every machine and every day.
  const start = today - 120 * DAY_MS;
  const startMs = start - ((new Date(start).getUTCDay() + 6) % 7) * DAY_MS;
  const tickets = generateTickets({ startMs, days: 120, seed: 2024, outageDay: 101 });
  const imported = await importDataset(db, {
    name: DEMO_DATASET_NAME,
    sourceName: "support-tickets.csv",
    mapping: DEMO_MAPPING,
    source: ticketsCsv(tickets),
    createdBy: options.ownerId,
  });
  await saveCriteria(db, options.ownerId, {
    workflowId: options.workflowId,
    minAutoAccuracy: 0.9,
    maxEscalationRate: 0.25,
    minLabelRecall: { all: 0.6 },
    approverId: options.adminId,
    note: "Agreed with the support leads: 9 in 10 automatic answers right, at most 1 ticket in 4 to a person, no team below 60% recall.",
  });
  const versions = await db
    .select()
    .from(workflowVersions)
    .where(eq(workflowVersions.workflowId, options.workflowId));
  const published = versions.find((v) => v.published);
  const draft = versions.filter((v) => !v.published).sort((a, b) => b.version - a.version)[0];
  const runs: { runId: string; status: string; passed: boolean | null }[] = [];
  for (const version of [published, draft]) {
    if (!version) continue;
    const { runId } = await startBacktest(
      db,
      options.ownerId,
      {
        workflowId: options.workflowId,
        versionId: version.id,
        datasetId: imported.datasetId,
        readsFixture: DEMO_READS_FIXTURE,
      },
      { launch: false },
    );
    const status = await executeBacktest(db, runId, { batchSize: 2000, prefetch: false });
    const [run] = await db
      .select({ passed: backtestRuns.passed })
      .from(backtestRuns)
      .where(eq(backtestRuns.id, runId));
    runs.push({ runId, status, passed: run?.passed ?? null });
    if (version === published && run?.passed) {
      await signOffBacktest(db, options.adminId, {
        runId,
        note: "Checked the mismatches with the team leads; fine for shadow mode.",
      });
    }
  }
  return { datasetId: imported.datasetId, runs };
}
