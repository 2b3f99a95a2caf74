"use client";

import { Radar } from "lucide-react";
import type { ReactNode } from "react";
import { formatCount, formatPercent } from "@/components/backtest/format";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { AgreementChart } from "./agreement-chart";
import { DisagreementsTable } from "./disagreements-table";
import { NodeDifferencesTable } from "./node-differences-table";
import { ReadinessTable } from "./readiness-table";
import { useShadowReport, type RunningShadowReport } from "./use-lifecycle";

function Figure({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: string;
  detail?: string;
  testId?: string;
}) {
  return (
    <div className="rounded-md border border-slate-200 px-3 py-2" data-testid={testId}>
      <p className="text-xs text-slate-500">{label}</p>
      <p className="text-lg font-semibold tabular-nums text-slate-900">{value}</p>
      {detail ? <p className="text-xs text-slate-500">{detail}</p> : null}
    </div>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h3 className="mb-2 text-sm font-semibold text-slate-900">{title}</h3>
      {children}
    </section>
  );
}

function Report({ workflowId, report }: { workflowId: string; report: RunningShadowReport }) {
  const { agreement, escalations, readiness, disagreements, comparison } = report;
  const accuracy = readiness.criteria.find((c) => c.key === "minAutoAccuracy");
  const sample = readiness.criteria.find((c) => c.key === "sample");
  const reasons = Object.entries(escalations.byReason).sort((a, b) => b[1] - a[1]);
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        Version {report.shadowVersion.version} has run in shadow since {formatDateTime(report.startedAt)}
        {report.liveVersion ? `, beside live version ${report.liveVersion.version}` : ""}: no connector
        writes, no review tasks. Outcomes are compared as the human process reports them or reviewers decide.
      </p>
      <div className="grid grid-cols-4 gap-3">
        <Figure
          label="Agreement"
          value={formatPercent(agreement.rate)}
          detail={`on ${formatCount(agreement.decided)} items it would decide`}
          testId="shadow-agreement"
        />
        <Figure
          label="Labelled items"
          value={formatCount(agreement.labelled)}
          detail={sample ? `${sample.met ? "enough" : `${sample.target} needed`} to judge` : undefined}
        />
        <Figure
          label="Would have escalated"
          value={formatCount(escalations.total)}
          detail={`${formatPercent(escalations.rate)} of ${formatCount(escalations.processed)} items`}
        />
        <Figure
          label="Disagreements"
          value={formatCount(disagreements.total)}
          detail="decided differently from people"
        />
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Block title="Cut-over readiness">
          <ReadinessTable readiness={readiness} />
        </Block>
        <Block title="Agreement per label">
          <AgreementChart agreement={agreement} target={accuracy?.target ?? null} />
          {reasons.length > 0 ? (
            <p className="mt-2 text-xs text-slate-600">
              Escalations it would have made: {reasons.map(([reason, n]) => `${n} for ${reason}`).join(", ")}
              {Object.keys(escalations.byQueue).length > 0
                ? ` (queues: ${Object.entries(escalations.byQueue)
                    .map(([queue, n]) => `${queue} ${n}`)
                    .join(", ")})`
                : ""}
              .
            </p>
          ) : null}
        </Block>
      </div>
      {comparison ? (
        <Block
          title={`Version ${report.liveVersion?.version} (live) and version ${report.shadowVersion.version} (shadow), node by node`}
        >
          <NodeDifferencesTable
            comparison={comparison}
            live={report.liveVersion?.version ?? null}
            shadow={report.shadowVersion.version}
          />
        </Block>
      ) : null}
      <Block title="Disagreements">
        <DisagreementsTable workflowId={workflowId} disagreements={disagreements} />
      </Block>
    </div>
  );
}

/** The shadow comparison: how the version in shadow agrees with the people doing the work today. */
export function ShadowReportSection({ workflowId }: { workflowId: string }) {
  const report = useShadowReport(workflowId);
  return (
    <Card className="scroll-mt-4 p-4" id="shadow-report" data-testid="shadow-report">
      <h2 className="mb-3 flex items-center gap-1.5 text-sm font-semibold text-slate-900">
        <Radar className="h-4 w-4 text-slate-500" aria-hidden /> Shadow report
      </h2>
      {report.isPending ? <LoadingState label="Comparing shadow outcomes…" /> : null}
      {report.isError ? <ErrorState message={report.error.message} onRetry={() => report.refetch()} /> : null}
      {report.data && !report.data.running ? (
        <EmptyState icon={Radar} title="No version is in shadow">
          Once a version with a signed-off backtest runs in shadow, its outcomes are compared here with what
          people decide: agreement overall and per label, the escalations it would have made, and every
          disagreement with its trace.
        </EmptyState>
      ) : null}
      {report.data?.running ? <Report workflowId={workflowId} report={report.data} /> : null}
    </Card>
  );
}
