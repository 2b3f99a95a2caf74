import { CIRCUIT_COLORS } from "./charts/connector-charts";
import type { ConnectorTimeline } from "./use-monitoring";

const STATE_NAMES = { closed: "closed", half_open: "half-open", open: "open" } as const;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const minute = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.max(1, Math.round(ms / 1000))} s`;
  if (minutes < 120) return `${minutes} min`;
  return `${(minutes / 60).toFixed(1)} h`;
}

/**
 * The circuit's state across the range as one strip (time runs left to right), from the breaker changes the
 * gateway recorded; short spells are widened to a sliver so an outage of minutes stays visible in a month.
 */
export function CircuitStrip({
  timeline,
  range,
}: {
  timeline: ConnectorTimeline;
  range: { fromMs: number; toMs: number };
}) {
  const span = range.toMs - range.fromMs;
  const notClosed = timeline.circuit.filter((s) => s.state !== "closed");
  return (
    <div>
      <div className="flex items-baseline justify-between">
        <p className="text-xs font-medium text-slate-600">Circuit state over time</p>
        <p className="flex items-center gap-3 text-[11px] text-slate-600" aria-hidden>
          {(["closed", "half_open", "open"] as const).map((state) => (
            <span key={state} className="flex items-center gap-1">
              <span
                className="inline-block h-2.5 w-2.5 rounded-sm"
                style={{ background: CIRCUIT_COLORS[state] }}
              />
              {STATE_NAMES[state]}
            </span>
          ))}
        </p>
      </div>
      <div
        className="relative mt-1 h-4 w-full overflow-hidden rounded bg-emerald-500/80"
        role="img"
        aria-label={
          notClosed.length === 0
            ? `${timeline.name}: circuit closed throughout`
            : `${timeline.name}: circuit ${notClosed.map((s) => `${STATE_NAMES[s.state]} from ${minute(s.fromMs)} for ${duration(s.toMs - s.fromMs)}`).join("; ")}`
        }
        data-testid="circuit-strip"
      >
        {notClosed.map((s) => (
          <span
            key={`${s.state}-${s.fromMs}`}
            title={`${STATE_NAMES[s.state]} from ${minute(s.fromMs)} for ${duration(s.toMs - s.fromMs)}`}
            className="absolute inset-y-0"
            style={{
              left: `${((s.fromMs - range.fromMs) / span) * 100}%`,
              width: `max(3px, ${((s.toMs - s.fromMs) / span) * 100}%)`,
              background: CIRCUIT_COLORS[s.state],
            }}
          />
        ))}
      </div>
      <div className="mt-0.5 flex justify-between text-[11px] text-slate-500">
        <span>{day(range.fromMs)}</span>
        <span>time (UTC) →</span>
        <span>{day(range.toMs)}</span>
      </div>
    </div>
  );
}
