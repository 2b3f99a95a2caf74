import type { TraceStep } from "@/lib/engine/run/outcome";

function preview(value: unknown): string {
  if (value === undefined) return "";
  const text = JSON.stringify(value);
  return text.length > 90 ? `${text.slice(0, 87)}…` : text;
}

/** What a visited node did on the tried item: its order on the path, the output taken, confidence, output. */
export function TraceFooter({ step }: { step: TraceStep & { order: number } }) {
  return (
    <div
      className="rounded-b-lg border-t border-accent-100 bg-accent-50 px-3 py-1.5 text-[11px] text-accent-700"
      data-testid="trace-footer"
    >
      <div className="flex items-center gap-1.5 font-medium">
        <span className="flex h-4 w-4 items-center justify-center rounded-full bg-accent-600 text-[10px] text-white">
          {step.order + 1}
        </span>
        {step.handle ? <span>took “{step.handle}”</span> : <span>outcome</span>}
        {step.confidence !== undefined ? (
          <span className="ml-auto tabular-nums">
            {step.confidence.toFixed(2)}
            {step.threshold ? ` / ${step.threshold.value.toFixed(2)}` : ""}
          </span>
        ) : null}
      </div>
      {step.detail ? <p className="mt-0.5 text-accent-700/90">{step.detail}</p> : null}
      {step.output !== undefined ? (
        <p className="mt-0.5 break-all font-mono text-[10px] text-slate-600">{preview(step.output)}</p>
      ) : null}
    </div>
  );
}
