import { formatPercent } from "@/components/backtest/format";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { Dashboard } from "./use-monitoring";

const ms = (value: number | null) => (value === null ? "n/a" : `${Math.round(value)} ms`);

/** Connector health from the runs' traces: failures, circuit, and latency against the integration profile. */
export function ConnectorHealthTable({ dashboard }: { dashboard: Dashboard }) {
  return (
    <Card className="p-4">
      <h3 className="text-sm font-semibold text-slate-900">Connector health</h3>
      <p className="mt-0.5 text-xs text-slate-500">
        From the connector calls in this range&apos;s traces; the circuit as the newest call found it.
      </p>
      {dashboard.connectors.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">No connector was called in this range.</p>
      ) : (
        <table className="mt-2 w-full text-sm" data-testid="connector-health">
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th className="py-1 font-medium">Connector</th>
              <th className="py-1 text-right font-medium">Calls</th>
              <th className="py-1 text-right font-medium">Error / unavailable</th>
              <th className="py-1 text-right font-medium">p50 (profile)</th>
              <th className="py-1 text-right font-medium">p95 (profile)</th>
              <th className="py-1 text-right font-medium">Circuit</th>
            </tr>
          </thead>
          <tbody>
            {dashboard.connectors.map((c) => (
              <tr key={c.connectorId} className="border-t border-slate-100">
                <td className="py-1">{c.name}</td>
                <td className="py-1 text-right tabular-nums">{c.calls}</td>
                <td className="py-1 text-right tabular-nums">
                  {c.errors} / {c.unavailable} ({formatPercent(c.failureRate)})
                </td>
                <td className="py-1 text-right tabular-nums">
                  {ms(c.p50Ms)} ({c.profile ? `${c.profile.p50Ms} ms` : "none"})
                </td>
                <td
                  className={
                    c.slowerThanProfile
                      ? "py-1 text-right tabular-nums text-amber-700"
                      : "py-1 text-right tabular-nums"
                  }
                >
                  {ms(c.p95Ms)} ({c.profile ? `${c.profile.p95Ms} ms` : "none"})
                </td>
                <td className="py-1 text-right">
                  <Badge
                    tone={c.circuit === "open" ? "danger" : c.circuit === "closed" ? "success" : "neutral"}
                  >
                    {c.circuit}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dashboard.incidents.length > 0 ? (
        <div className="mt-3">
          <p className="text-xs font-medium text-slate-600">Days with failed calls</p>
          <ul className="mt-1 space-y-0.5 text-xs text-slate-700" data-testid="connector-incidents">
            {dashboard.incidents.map((i) => (
              <li key={`${i.connectorId}-${i.dayMs}`}>
                {new Date(i.dayMs).toISOString().slice(0, 10)} · {i.name}: {i.failures} of {i.calls} calls
                failed
                {i.circuitOpened ? "; the circuit opened" : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
