"use client";

import { useMutation } from "@tanstack/react-query";
import { ArrowRightLeft, CircleDot, Flag, GitFork, NotebookPen, TriangleAlert, Users } from "lucide-react";
import { useMemo, useState, type ReactNode } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { TestCase } from "@/lib/engine/graph/test-case-schema";
import { useEditorStores, useGraph } from "../store/editor-provider";
import { useRefreshWorkflow } from "../use-workflow";
import { useConnectorProfiles } from "./connector-profiles";
import { deriveWorkflowMap } from "@/lib/workflow-map/derive-workflow-map";

function Section({
  icon: Icon,
  title,
  count,
  children,
  testId,
}: {
  icon: typeof Flag;
  title: string;
  count?: number;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Card className="p-4" data-testid={testId}>
      <h3 className="mb-3 flex items-center gap-2 text-sm font-semibold text-slate-900">
        <Icon className="h-4 w-4 text-slate-500" aria-hidden /> {title}
        {count !== undefined ? <span className="text-xs font-normal text-slate-500">({count})</span> : null}
      </h3>
      {children}
    </Card>
  );
}

const Empty = ({ children }: { children: ReactNode }) => <p className="text-sm text-slate-500">{children}</p>;

/** The workflow stated as it must be understood before it is automated, derived live from the canvas. */
export function MapTab({
  workflow,
  testCases,
  onShowNode,
}: {
  workflow: { id: string; mapNotes: string };
  testCases: readonly TestCase[];
  onShowNode(nodeId: string): void;
}) {
  const { graph } = useEditorStores();
  const docId = useGraph((s) => s.docId);
  const map = useMemo(
    () => deriveWorkflowMap(graph.getState().toGraph(), testCases),
    // docId stands for the document: the map is derived again whenever the graph changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [docId, graph, testCases],
  );
  const profiles = useConnectorProfiles();
  const NodeLink = ({ id, children }: { id: string; children: ReactNode }) => (
    <button
      type="button"
      onClick={() => onShowNode(id)}
      className="font-medium text-accent-700 hover:underline"
    >
      {children}
    </button>
  );

  return (
    <div className="min-h-0 flex-1 overflow-y-auto px-8 py-6" data-testid="map-tab">
      <div className="mx-auto grid max-w-6xl grid-cols-1 gap-4 lg:grid-cols-2">
        <Section icon={CircleDot} title="Inputs" count={map.inputs?.fields.length} testId="map-inputs">
          {map.inputs ? (
            <ul className="flex flex-wrap gap-1.5">
              {map.inputs.fields.map((f) => (
                <li key={f.name} className="rounded-md border border-slate-200 bg-slate-50 px-2 py-1 text-xs">
                  <span className="font-mono font-medium text-slate-800">{f.name}</span>{" "}
                  <span className="text-slate-500">{f.type}</span>
                  {f.role ? (
                    <Badge tone="accent" className="ml-1">
                      {f.role}
                    </Badge>
                  ) : null}
                  {!f.required ? <span className="ml-1 text-slate-400">optional</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <Empty>No trigger yet: add one to say what comes in.</Empty>
          )}
        </Section>
        <Section icon={Flag} title="Outputs" count={map.outputs.length} testId="map-outputs">
          {map.outputs.length === 0 ? <Empty>No outcome yet.</Empty> : null}
          <ul className="space-y-1 text-sm">
            {map.outputs.map((o, i) => (
              <li key={`${o.nodeId}-${i}`} className="flex items-baseline gap-2">
                <Badge tone={o.kind === "escalate" ? "warning" : o.kind === "route" ? "success" : "neutral"}>
                  {o.kind}
                </Badge>
                <NodeLink id={o.nodeId}>{o.name}</NodeLink>
                <span className="text-slate-600">{o.detail}</span>
                {o.implicit ? <span className="text-xs text-slate-400">(unconnected output)</span> : null}
              </li>
            ))}
          </ul>
        </Section>
        <Section icon={GitFork} title="Decision points" count={map.decisions.length} testId="map-decisions">
          {map.decisions.length === 0 ? <Empty>No decisions: every item takes the same path.</Empty> : null}
          <ul className="space-y-2 text-sm">
            {map.decisions.map((d) => (
              <li key={d.nodeId}>
                <div className="flex items-baseline gap-2">
                  <NodeLink id={d.nodeId}>{d.name}</NodeLink>
                  <span className="text-xs text-slate-500">{d.typeLabel}</span>
                  {d.threshold !== undefined ? (
                    <Badge tone="accent" className="ml-auto tabular-nums">
                      threshold {d.threshold.toFixed(2)}
                    </Badge>
                  ) : null}
                </div>
                <p className="text-xs text-slate-600">{d.summary}</p>
                <p className="text-xs text-slate-500">Outcomes: {d.outcomes.join(" · ")}</p>
              </li>
            ))}
          </ul>
        </Section>
        <Section
          icon={ArrowRightLeft}
          title="Systems touched"
          count={map.systems.length}
          testId="map-systems"
        >
          {map.systems.length === 0 ? (
            <Empty>No connector: the workflow reads and writes no other system.</Empty>
          ) : null}
          <ul className="space-y-2 text-sm">
            {map.systems.map((s) => {
              const profile = profiles?.get(s.connectorId);
              return (
                <li key={s.connectorId}>
                  <div className="flex items-center gap-2">
                    <span className="font-mono font-medium text-slate-900">
                      {profile?.name ?? s.connectorId}
                    </span>
                    {profile ? (
                      profile.complete ? (
                        <Badge tone="success">Profile complete</Badge>
                      ) : (
                        <Badge tone="warning" title={`Missing: ${profile.missing.join(", ")}`}>
                          <TriangleAlert className="h-3 w-3" aria-hidden /> Profile incomplete
                        </Badge>
                      )
                    ) : (
                      <Badge title="Connector profiles are not available yet">profile unknown</Badge>
                    )}
                  </div>
                  <ul className="mt-0.5 space-y-0.5 text-xs text-slate-600">
                    {s.uses.map((u) => (
                      <li key={u.nodeId}>
                        <NodeLink id={u.nodeId}>{u.name}</NodeLink>: {u.kind} {u.operation}
                        {u.onUnavailable ? `, when unavailable: ${u.onUnavailable.replace("_", " ")}` : ""}
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        </Section>
        <Section icon={Users} title="People" count={map.people.length} testId="map-people">
          {map.people.length === 0 ? <Empty>No team or queue receives items.</Empty> : null}
          <ul className="space-y-1 text-sm">
            {map.people.map((p) => (
              <li key={`${p.kind}:${p.name}`} className="flex flex-wrap items-baseline gap-2">
                <Badge tone={p.kind === "team" ? "success" : "warning"}>{p.kind}</Badge>
                <span className="font-medium text-slate-900">{p.name}</span>
                <span className="text-xs text-slate-500">
                  from{" "}
                  {p.via.map((v, i) => (
                    <span key={v.nodeId}>
                      {i > 0 ? ", " : ""}
                      <NodeLink id={v.nodeId}>{v.name}</NodeLink>
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </Section>
        <Section icon={TriangleAlert} title="Edge cases" count={map.edgeCases.length} testId="map-edge-cases">
          {map.edgeCases.length === 0 ? (
            <Empty>Mark test cases as edge cases to list them here with their notes.</Empty>
          ) : null}
          <ul className="space-y-1.5 text-sm">
            {map.edgeCases.map((c) => (
              <li key={c.id}>
                <span className="font-medium text-slate-900">{c.name}</span>{" "}
                <span className="text-xs text-slate-500">→ {c.expected}</span>
                {c.notes ? <p className="text-xs text-slate-600">{c.notes}</p> : null}
              </li>
            ))}
          </ul>
        </Section>
        <MapNotes workflowId={workflow.id} initial={workflow.mapNotes} />
      </div>
    </div>
  );
}

function MapNotes({ workflowId, initial }: { workflowId: string; initial: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshWorkflow(workflowId);
  const [notes, setNotes] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const update = useMutation(
    trpc.workflows.update.mutationOptions({
      onSuccess: async () => {
        setSaved(notes);
        toast.success("Notes saved");
        await refresh();
      },
    }),
  );
  return (
    <Card className="p-4 lg:col-span-2" data-testid="map-notes">
      <h3 className="mb-2 flex items-center gap-2 text-sm font-semibold text-slate-900">
        <NotebookPen className="h-4 w-4 text-slate-500" aria-hidden /> Notes
      </h3>
      <textarea
        aria-label="Map notes"
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        rows={6}
        maxLength={20_000}
        placeholder="What the graph cannot say: who owns each queue, what happens out of hours, what is deliberately not automated…"
        className="w-full rounded-md border border-slate-300 bg-white p-2 text-sm focus-visible:border-accent-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-accent-500/30"
      />
      <div className="mt-2 flex items-center justify-end gap-3">
        {notes !== saved ? <span className="text-xs text-amber-700">Unsaved notes</span> : null}
        <Button
          size="sm"
          disabled={notes === saved || update.isPending}
          onClick={() => update.mutate({ workflowId, mapNotes: notes })}
        >
          Save notes
        </Button>
      </div>
    </Card>
  );
}
