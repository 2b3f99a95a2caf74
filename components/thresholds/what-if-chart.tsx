import { LineChart } from "lucide-react";

export interface WhatIfPoint {
  threshold: number;
  escalationRate: number;
  autoAccuracy: number | null;
}

const W = 260;
const H = 120;
const PAD = { left: 28, right: 8, top: 8, bottom: 20 };

/**
 * Escalation rate and auto-handled accuracy against the threshold, from the latest backtest's sweep, with
 * the value in force marked: what moving the threshold would do.
 */
export function WhatIfChart({
  points,
  valueInForce,
  source,
}: {
  points: WhatIfPoint[] | null;
  valueInForce: number;
  source?: string;
}) {
  if (!points || points.length < 2) {
    return (
      <div
        className="flex h-full min-h-32 flex-col items-center justify-center rounded-md border border-dashed border-slate-300 px-4 py-5 text-center"
        data-testid="what-if-empty"
      >
        <LineChart className="mb-2 h-5 w-5 text-slate-400" aria-hidden />
        <p className="text-xs font-medium text-slate-700">No what-if curve yet</p>
        <p className="mt-1 text-xs text-slate-500">
          Run a backtest of this workflow: its threshold sweep shows the escalation rate and accuracy at every
          value.
        </p>
      </div>
    );
  }
  const x = (t: number) => PAD.left + t * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v) * (H - PAD.top - PAD.bottom);
  // A threshold at which the graph handled nothing has no accuracy: the line breaks there.
  const line = (key: "escalationRate" | "autoAccuracy") => {
    let pen = "M";
    return points
      .map((p) => {
        const value = p[key];
        if (value === null) {
          pen = "M";
          return "";
        }
        const step = `${pen}${x(p.threshold).toFixed(1)},${y(value).toFixed(1)}`;
        pen = "L";
        return step;
      })
      .join(" ");
  };
  return (
    <figure>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="w-full"
        role="img"
        aria-label="Escalation rate and auto-handled accuracy by threshold"
      >
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="stroke-slate-200" />
            <text x={PAD.left - 4} y={y(v) + 3} textAnchor="end" className="fill-slate-400 text-[8px]">
              {Math.round(v * 100)}%
            </text>
          </g>
        ))}
        <path d={line("escalationRate")} className="fill-none stroke-amber-500" strokeWidth={1.5} />
        <path d={line("autoAccuracy")} className="fill-none stroke-accent-600" strokeWidth={1.5} />
        <line
          x1={x(valueInForce)}
          x2={x(valueInForce)}
          y1={PAD.top}
          y2={H - PAD.bottom}
          className="stroke-slate-700"
          strokeDasharray="3 2"
        />
        {[0, 0.5, 1].map((t) => (
          <text key={t} x={x(t)} y={H - 6} textAnchor="middle" className="fill-slate-400 text-[8px]">
            {t.toFixed(1)}
          </text>
        ))}
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-600">
        <span className="flex items-center gap-1">
          <span className="h-0.5 w-3 bg-amber-500" /> escalation rate
        </span>
        <span className="flex items-center gap-1">
          <span className="h-0.5 w-3 bg-accent-600" /> auto-handled accuracy
        </span>
        {source ? <span className="text-slate-500">{source}</span> : null}
      </figcaption>
    </figure>
  );
}
