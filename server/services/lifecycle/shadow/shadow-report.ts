import { eq } from "drizzle-orm";
import type { TestCaseInput } from "../../workflows/test-cases";
import type { Db } from "../../../db/client";
import { workflowVersions } from "../../../db/schema";
import { storedTrace } from "../../backtests/evaluate-item";
import { expectationFromHistory } from "../../backtests/to-test-case";
import type { CompactStep } from "../../backtests/types";
import { itemView, shapeOf } from "../../reviews/item-text";
import { describeLabel } from "../../reviews/labels";
import { loadWorkflow } from "../../workflows/load";
import { versionNumbers } from "../workflow-row";
import { describeOutcome } from "./judge-outcome";
import { measureShadow } from "./measure-shadow";
import { compareVersionsOnItems } from "./node-differences";
import { pairedRuns } from "./paired-runs";
import { runDetails } from "./shadow-runs";

export interface Disagreement {
  itemId: string;
  externalId: string;
  receivedAt: Date;
  text: string;
  /** What the human process (or a reviewer) decided, and what the workflow would have done. */
  expected: string;
  got: string;
  labelSource: string | null;
  steps: CompactStep[];
  reason?: string;
  /** Ready for `workflows.addTestCase`: the item, with the truth as the expectation. */
  testCase: TestCaseInput;
}

/**
 * The shadow version measured against the truth as it arrives: agreement overall and per label, the
 * escalations it would have made, the disagreements with their traces, cut-over readiness against the
 * criteria, and — when a live version ran the same items — where the two differ, node by node.
 */
export async function shadowReport(
  db: Db,
  workflowId: string,
  options: { now?: Date; disagreementLimit?: number; minSample?: number } = {},
) {
  const workflow = await loadWorkflow(db, workflowId);
  if (!workflow.shadowVersionId || !workflow.shadowStartedAt) {
    return { running: false as const, stage: workflow.stage };
  }
  const subject = {
    id: workflow.id,
    shadowVersionId: workflow.shadowVersionId,
    shadowStartedAt: workflow.shadowStartedAt,
    shadowMinDays: workflow.shadowMinDays,
  };
  const { agreement, counts, judged, readiness } = await measureShadow(db, subject, options);
  const numbers = await versionNumbers(db, [workflow.shadowVersionId, workflow.liveVersionId]);

  const wrong = judged.filter((j) => j.judged.kind === "wrong");
  const listed = wrong.slice(0, options.disagreementLimit ?? 50);
  const [details, [version]] = await Promise.all([
    runDetails(
      db,
      listed.map((j) => j.itemId),
    ),
    db
      .select({ id: workflowVersions.id, graph: workflowVersions.graph })
      .from(workflowVersions)
      .where(eq(workflowVersions.id, workflow.shadowVersionId)),
  ]);
  const shape = shapeOf(version ?? null);
  const byId = new Map(details.map((d) => [d.id, d]));
  const shadowNumber = numbers.get(workflow.shadowVersionId);
  const disagreements: Disagreement[] = listed.flatMap((j) => {
    const row = byId.get(j.itemId);
    if (!row) return [];
    const stored = storedTrace({ outcome: j.outcome, trace: row.trace ?? undefined }, row.trace?.steps ?? []);
    const expected = describeLabel(j.label);
    const got = describeOutcome(j.outcome, row.trace);
    return [
      {
        itemId: j.itemId,
        externalId: j.externalId,
        receivedAt: j.receivedAt,
        text: itemView(row.payload, shape).text,
        expected,
        got,
        labelSource: j.labelSource,
        steps: stored.steps,
        ...(stored.reason ? { reason: stored.reason } : {}),
        testCase: {
          name: `Shadow v${shadowNumber ?? "?"}: ${j.externalId} (${j.label.label})`.slice(0, 200),
          item: row.payload,
          expected: expectationFromHistory(j.label.team ?? j.label.label, j.label.type),
          edgeCase: true,
          notes: `From the shadow run of version ${shadowNumber ?? "?"}: the human process decided ${expected}; the workflow would have given ${got}.`,
        },
      },
    ];
  });

  const comparison =
    workflow.liveVersionId && workflow.liveVersionId !== workflow.shadowVersionId
      ? compareVersionsOnItems(
          await pairedRuns(db, {
            workflowId,
            liveVersionId: workflow.liveVersionId,
            shadowVersionId: workflow.shadowVersionId,
            since: workflow.shadowStartedAt,
          }),
        )
      : null;

  const { metrics: _metrics, ...figures } = agreement;
  return {
    running: true as const,
    stage: workflow.stage,
    shadowVersion: { id: workflow.shadowVersionId, version: shadowNumber ?? null },
    liveVersion: workflow.liveVersionId
      ? { id: workflow.liveVersionId, version: numbers.get(workflow.liveVersionId) ?? null }
      : null,
    startedAt: workflow.shadowStartedAt,
    agreement: figures,
    escalations: {
      processed: counts.processed,
      total: counts.escalated,
      rate: counts.processed > 0 ? counts.escalated / counts.processed : null,
      byReason: counts.byReason,
      byQueue: counts.byQueue,
    },
    readiness,
    disagreements: { total: wrong.length, rows: disagreements },
    comparison,
  };
}
