"use client";

import { ArrowRight, Eye, GitCompare, Rocket, Undo2 } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useSession } from "../store/editor-provider";
import { useWorkflowQuery, type VersionSummary } from "../use-workflow";
import { CompareView } from "./compare-view";
import { VersionView } from "./version-view";

const when = (date: Date) => date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Every saved version: who, when, why; open one read-only, compare two, publish or roll back. */
export function HistoryTab({
  workflowId,
  onPublish,
}: {
  workflowId: string;
  onPublish(version: VersionSummary): void;
}) {
  const workflow = useWorkflowQuery(workflowId);
  const baseVersion = useSession((s) => s.baseVersion);
  const versions = workflow.data?.versions ?? [];
  const [from, setFrom] = useState<string | undefined>(versions[1]?.id);
  const [to, setTo] = useState<string | undefined>(versions[0]?.id);
  const [view, setView] = useState<
    { kind: "open"; id: string } | { kind: "compare"; from: string; to: string } | null
  >(null);
  const published = versions.find((v) => v.published);
  const byId = new Map(versions.map((v) => [v.id, v]));

  if (view?.kind === "open")
    return <VersionView workflowId={workflowId} version={byId.get(view.id)!} onBack={() => setView(null)} />;
  if (view?.kind === "compare")
    return (
      <CompareView
        workflowId={workflowId}
        from={byId.get(view.from)!}
        to={byId.get(view.to)!}
        onBack={() => setView(null)}
      />
    );

  return (
    <div className="min-h-0 flex-1 overflow-y-auto px-8 py-6" data-testid="history-tab">
      <div className="mx-auto max-w-5xl space-y-4">
        <div className="flex items-center gap-3">
          <div className="min-w-0 flex-1">
            <h2 className="text-base font-semibold text-slate-900">Versions</h2>
            <p className="text-sm text-slate-600">
              Every save is a version. Publish one to make it run; publish an older one to roll back.
            </p>
          </div>
          <Button
            variant="secondary"
            disabled={!from || !to || from === to}
            onClick={() => from && to && setView({ kind: "compare", from, to })}
          >
            <GitCompare className="h-4 w-4" aria-hidden /> Compare v{from ? byId.get(from)?.version : "?"}{" "}
            <ArrowRight className="h-3.5 w-3.5" aria-hidden /> v{to ? byId.get(to)?.version : "?"}
          </Button>
        </div>
        <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
          <thead className="bg-slate-50 text-left text-xs text-slate-500">
            <tr>
              <th className="w-14 px-3 py-2 font-medium">From</th>
              <th className="w-12 px-3 py-2 font-medium">To</th>
              <th className="px-3 py-2 font-medium">Version</th>
              <th className="px-3 py-2 font-medium">Author · time</th>
              <th className="px-3 py-2 font-medium">State</th>
              <th className="px-3 py-2 text-right font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {versions.map((v) => (
              <tr key={v.id} data-testid={`version-row-${v.version}`}>
                <td className="px-3 py-2">
                  <input
                    type="radio"
                    name="compare-from"
                    aria-label={`Compare from version ${v.version}`}
                    checked={from === v.id}
                    onChange={() => setFrom(v.id)}
                    className="accent-accent-600"
                  />
                </td>
                <td className="px-3 py-2">
                  <input
                    type="radio"
                    name="compare-to"
                    aria-label={`Compare to version ${v.version}`}
                    checked={to === v.id}
                    onChange={() => setTo(v.id)}
                    className="accent-accent-600"
                  />
                </td>
                <td className="px-3 py-2">
                  <div className="font-medium text-slate-900">
                    v{v.version}
                    {v.version === baseVersion ? (
                      <span className="ml-2 text-xs font-normal text-slate-500">(on the canvas)</span>
                    ) : null}
                  </div>
                  <div className="text-xs text-slate-600">
                    {v.note || <span className="italic text-slate-400">No note</span>}
                  </div>
                </td>
                <td className="px-3 py-2 text-xs text-slate-600">
                  {v.authorName ?? "Unknown"} ·{" "}
                  <time dateTime={v.createdAt.toISOString()}>{when(v.createdAt)}</time>
                  {v.published && v.publishedAt ? (
                    <div className="text-emerald-700">
                      Published by {v.publishedByName ?? "someone"} · {when(v.publishedAt)}
                      {v.publishNote ? <div className="text-slate-600">“{v.publishNote}”</div> : null}
                    </div>
                  ) : null}
                </td>
                <td className="space-x-1 px-3 py-2">
                  {v.published ? <Badge tone="success">Published</Badge> : null}
                  {v.valid ? <Badge>Valid</Badge> : <Badge tone="warning">{v.errorCount} problems</Badge>}
                </td>
                <td className="px-3 py-2 text-right">
                  <div className="flex justify-end gap-1">
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() => setView({ kind: "open", id: v.id })}
                      aria-label={`Open version ${v.version}`}
                    >
                      <Eye className="h-3.5 w-3.5" aria-hidden /> Open
                    </Button>
                    {!v.published ? (
                      <Button
                        variant="ghost"
                        size="sm"
                        onClick={() => onPublish(v)}
                        aria-label={`${published && v.version < published.version ? "Roll back to" : "Publish"} version ${v.version}`}
                      >
                        {published && v.version < published.version ? (
                          <Undo2 className="h-3.5 w-3.5" aria-hidden />
                        ) : (
                          <Rocket className="h-3.5 w-3.5" aria-hidden />
                        )}
                        {published && v.version < published.version ? "Roll back" : "Publish"}
                      </Button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
