import { Bot, GitCommitVertical, Plug, ScrollText, Search } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { ConfidenceBar } from "./confidence-bar";
import type { PathStep } from "./types";

/** The AI's outputs along the path: each model decision with its confidence against the threshold in force. */
export function AiSummary({ path }: { path: PathStep[] }) {
  const decisions = path.filter((s) => s.classification || s.match);
  if (decisions.length === 0)
    return <p className="text-sm text-slate-500">No model decided anything on this item&apos;s path.</p>;
  return (
    <div className="space-y-4">
      {decisions.map((step) => (
        <div key={step.nodeId}>
          <div className="mb-1.5 flex items-center gap-2 text-xs">
            <span className="font-medium text-slate-800">{step.name ?? step.nodeId}</span>
            <span className="text-slate-400">{step.type}</span>
            {step.threshold ? (
              <Badge
                tone={step.threshold.source === "override" ? "accent" : "neutral"}
                title={step.threshold.source === "override" ? "Set by an admin" : "From the graph"}
              >
                threshold {step.threshold.value.toFixed(2)}
                {step.threshold.source === "override" ? " (override)" : ""}
              </Badge>
            ) : null}
          </div>
          {step.classification ? (
            <div className="space-y-1">
              <ConfidenceBar
                label={step.classification.label ?? "no answer"}
                value={step.classification.confidence}
                threshold={step.threshold?.value}
                strong
              />
              <p className="text-xs text-slate-500">
                confidence{step.classification.explanation ? ` · ${step.classification.explanation}` : ""}
              </p>
              {step.classification.scores ? (
                <div className="space-y-1 pt-1" aria-label="Scores per label">
                  {Object.entries(step.classification.scores)
                    .sort((a, b) => b[1] - a[1])
                    .slice(0, 5)
                    .map(([label, score]) => (
                      <ConfidenceBar key={label} label={label} value={score} />
                    ))}
                </div>
              ) : null}
            </div>
          ) : null}
          {step.match ? (
            <div className="space-y-1">
              <ConfidenceBar
                label={step.match.title ?? "best entry"}
                value={step.match.score}
                threshold={step.threshold?.value}
                strong
              />
              <p className="text-xs text-slate-500">
                {step.match.matched
                  ? "Matched a known resolution"
                  : "Closest known resolution, below the threshold"}
              </p>
            </div>
          ) : null}
        </div>
      ))}
    </div>
  );
}

const ICONS: Record<string, typeof Bot> = {
  classify: Bot,
  assess: Bot,
  match: Search,
  rule: ScrollText,
  connector: Plug,
};

/** The path as a compact list: node, the way it went, and why. */
export function PathList({ path, escalatedAt }: { path: PathStep[]; escalatedAt: string }) {
  return (
    <ol className="space-y-1.5" aria-label="Path through the workflow">
      {path.map((step) => {
        const Icon = ICONS[step.type] ?? GitCommitVertical;
        const here = step.nodeId === escalatedAt;
        return (
          <li
            key={step.nodeId}
            className={cn(
              "flex items-start gap-2 rounded px-1.5 py-1 text-xs",
              here && "bg-amber-50 ring-1 ring-amber-200",
            )}
          >
            <Icon className="mt-0.5 h-3.5 w-3.5 shrink-0 text-slate-400" aria-hidden />
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-1.5">
                <span className="font-medium text-slate-800">{step.name ?? step.nodeId}</span>
                {step.handle ? (
                  <span className="rounded bg-slate-100 px-1 font-mono text-[11px] text-slate-700">
                    {step.handle}
                  </span>
                ) : null}
              </div>
              {step.detail ? <p className="text-slate-500">{step.detail}</p> : null}
              {step.connector ? (
                <p className={step.connector.status === "ok" ? "text-emerald-700" : "text-red-700"}>
                  {step.connector.status}
                  {step.connector.message ? `: ${step.connector.message}` : ""}
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
