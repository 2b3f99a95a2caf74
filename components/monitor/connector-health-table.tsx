import { formatPercent } from "@/components/backtest/format";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { Dashboard } from "./use-monitoring";

const ms = (value: number | null) => (value === null ? "n/a" : `${Math.round(value)} ms`);
const minute = (at: number) => `${new Date(at).toISOString().slice(0, 16).replace("T", " ")} UTC`;
const STATE_NAMES: Record<string, string> = { closed: "closed", half_open: "half-open", open: "open" };

/** Connector health over the whole range: failures, latency against the profile, circuit now and its changes. */
export function ConnectorHealthTable({ dashboard }: { dashboard: Dashboard }) {
  // The recorded breaker state wins over what the newest traced call happened to report.
  const recorded = new Map(
    dashboard.connectorTimelines
      .filter((t) => t.transitions.length > 0 || t.circuit.some((s) => s.state !== "closed"))
      .map((t) => [t.connectorId, t.circuit.at(-1)?.state ?? "closed"]),
  );
  const changes = dashboard.connectorTimelines
    .flatMap((t) => t.transitions.map((change) => ({ ...change, name: t.name })))
    .sort((a, b) => b.atMs - a.atMs)
    .slice(0, 8);
  return (
    <Card className="p-4">
      <h3 className="text-sm font-semibold text-slate-900">Connector health: the range in figures</h3>
      <p className="mt-0.5 text-xs text-slate-500">
        Calls from this range&apos;s traces; the circuit as the breaker last recorded it (else as the newest
        call found it).
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
            {dashboard.connectors.map((c) => {
              const circuit = recorded.get(c.connectorId) ?? c.circuit;
              return (
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
                      tone={
                        circuit === "open"
                          ? "danger"
                          : circuit === "closed"
                            ? "success"
                            : circuit === "half_open"
                              ? "warning"
                              : "neutral"
                      }
                    >
                      {STATE_NAMES[circuit] ?? circuit}
                    </Badge>
                  </td>
                </tr>
              );
            })}
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
      {changes.length > 0 ? (
        <div className="mt-3">
          <p className="text-xs font-medium text-slate-600">Latest circuit changes</p>
          <ul className="mt-1 space-y-0.5 text-xs text-slate-700" data-testid="circuit-changes">
            {changes.map((change) => (
              <li key={`${change.name}-${change.atMs}-${change.to}-${change.process}`}>
                {minute(change.atMs)} · {change.name}: {STATE_NAMES[change.from]} → {STATE_NAMES[change.to]}
                {change.cooldownMs ? ` (cool-down ${Math.round(change.cooldownMs / 1000)} s)` : ""} · worker{" "}
                {change.process}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
