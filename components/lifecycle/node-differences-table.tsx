import type { RunningShadowReport } from "./use-lifecycle";

type Comparison = NonNullable<RunningShadowReport["comparison"]>;

/** Where the live and the shadow version part ways on the same items, node by node. */
export function NodeDifferencesTable({
  comparison,
  live,
  shadow,
}: {
  comparison: Comparison;
  live: number | null;
  shadow: number | null;
}) {
  if (comparison.items === 0)
    return <p className="text-sm text-slate-500">No item has run on both versions yet.</p>;
  return (
    <div data-testid="node-differences">
      <p className="mb-2 text-sm text-slate-600">
        On {comparison.items} items both versions ran, {comparison.outcomesDiffer} ended differently.
      </p>
      {comparison.nodes.length === 0 ? (
        <p className="text-sm text-slate-500">Every node took the same way on every item.</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">
            Nodes where version {live} and version {shadow} differ
          </caption>
          <thead className="border-b border-slate-200 text-left text-xs text-slate-500">
            <tr>
              <th className="py-1.5 font-medium">Node</th>
              <th className="py-1.5 text-right font-medium">Both passed</th>
              <th className="py-1.5 text-right font-medium">Took another way</th>
              <th className="py-1.5 text-right font-medium">Only v{live}</th>
              <th className="py-1.5 text-right font-medium">Only v{shadow}</th>
              <th className="py-1.5 pl-4 font-medium">
                For example (v{live} / v{shadow})
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {comparison.nodes.map((n) => (
              <tr key={n.nodeId}>
                <td className="py-1.5">
                  {n.name ?? n.nodeId} <span className="text-xs text-slate-500">{n.type}</span>
                </td>
                <td className="py-1.5 text-right tabular-nums">{n.both}</td>
                <td className="py-1.5 text-right font-medium tabular-nums">{n.differing}</td>
                <td className="py-1.5 text-right tabular-nums">{n.onlyLive}</td>
                <td className="py-1.5 text-right tabular-nums">{n.onlyShadow}</td>
                <td className="py-1.5 pl-4 text-xs text-slate-600">
                  {n.examples.slice(0, 2).map((e) => (
                    <span key={e.externalId} className="mr-2 inline-block">
                      <span className="font-mono">{e.externalId}</span>: {e.live} / {e.shadow}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
