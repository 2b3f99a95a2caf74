import { asc, eq } from "drizzle-orm";
import { knowledgeBase } from "@/lib/demo/support-triage";
import type { Db } from "../../db/client";
import { backtestRuns } from "../../db/schema";
import { addEntries, buildFromDataset } from "./knowledge-entries";

/**
 * The demo workflow's knowledge base: the help-centre articles its match node knows inline, and the resolved
 * tickets of its history from before its first backtest's window (so that window never matches itself).
 */
export async function seedDemoKnowledge(db: Db, options: { workflowId: string; datasetId: string }) {
  const articles = await addEntries(
    db,
    options.workflowId,
    knowledgeBase.map((a) => ({ id: a.id, title: a.title, text: a.text, resolution: a.reply })),
    "import",
  );
  const [first] = await db
    .select({ windowFrom: backtestRuns.windowFrom })
    .from(backtestRuns)
    .where(eq(backtestRuns.workflowId, options.workflowId))
    .orderBy(asc(backtestRuns.createdAt))
    .limit(1);
  const cases = first
    ? await buildFromDataset(db, {
        workflowId: options.workflowId,
        datasetId: options.datasetId,
        before: first.windowFrom,
        limit: 300,
      })
    : { added: 0 };
  return { articles, cases: cases.added };
}
