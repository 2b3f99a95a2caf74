import type { BadRowReason, ImportReport } from "@/server/services/datasets/types";
import { formatCount } from "@/components/backtest/format";

export const BAD_ROW_REASONS: Record<BadRowReason, string> = {
  column_count: "Wrong number of columns",
  unparsable_date: "Date not readable",
  missing_outcome: "No actual outcome",
  missing_id: "No item id",
  invalid_json: "Not valid JSON",
  duplicate_id: "Duplicate item id",
  nul_character: "NUL character in a cell",
  bad_quotes: "Quotes do not pair up",
};

/** What an import did: rows read, imported, and every bad row with its line and reason. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const bad = Object.entries(report.badByReason) as [BadRowReason, number][];
  const badTotal = bad.reduce((a, [, n]) => a + n, 0);
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-4 gap-4 text-sm">
        <div>
          <dt className="text-xs text-slate-500">Rows read</dt>
          <dd className="text-lg font-semibold tabular-nums">{formatCount(report.rowsRead)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Imported</dt>
          <dd className="text-lg font-semibold tabular-nums text-emerald-700">
            {formatCount(report.imported)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Bad rows</dt>
          <dd className={`text-lg font-semibold tabular-nums ${badTotal > 0 ? "text-amber-700" : ""}`}>
            {formatCount(badTotal)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Took</dt>
          <dd className="text-lg font-semibold tabular-nums">{report.seconds.toFixed(1)} s</dd>
        </div>
      </dl>
      {bad.length > 0 ? (
        <>
          <ul className="flex flex-wrap gap-2 text-sm" aria-label="Bad rows by reason">
            {bad.map(([reason, n]) => (
              <li
                key={reason}
                className="rounded-md bg-amber-50 px-2 py-1 text-amber-900 ring-1 ring-amber-200 ring-inset"
              >
                {BAD_ROW_REASONS[reason]}:{" "}
                <span className="font-semibold tabular-nums">{formatCount(n)}</span>
              </li>
            ))}
          </ul>
          <div className="max-h-80 overflow-y-auto rounded-lg border border-slate-200">
            <table className="w-full text-sm">
              <thead className="sticky top-0 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-3 py-2 text-right">Line</th>
                  <th className="px-3 py-2">Reason</th>
                  <th className="px-3 py-2">Item</th>
                  <th className="px-3 py-2">Detail</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {report.badRows.map((row, i) => (
                  <tr key={`${row.line}-${i}`}>
                    <td className="px-3 py-1.5 text-right tabular-nums">{row.line}</td>
                    <td className="px-3 py-1.5">{BAD_ROW_REASONS[row.reason]}</td>
                    <td className="px-3 py-1.5 font-mono text-xs">{row.itemId ?? "—"}</td>
                    <td className="px-3 py-1.5 text-slate-600">{row.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.omitted > 0 ? (
            <p className="text-xs text-slate-500">
              …and {formatCount(report.omitted)} more bad rows, counted above but not listed.
            </p>
          ) : null}
        </>
      ) : (
        <p className="text-sm text-emerald-700">Every row was imported.</p>
      )}
    </div>
  );
}
