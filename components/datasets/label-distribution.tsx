import { formatCount, formatPercent } from "@/components/backtest/format";

const SHOWN = 15;

/** Horizontal bars, most frequent first; the tail summed in one line. */
export function LabelDistribution({ counts, total }: { counts: Record<string, number>; total: number }) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  const max = entries[0]?.[1] ?? 0;
  const rest = entries.slice(SHOWN);
  return (
    <div>
      <ul className="space-y-1.5" aria-label="Cases per actual outcome">
        {entries.slice(0, SHOWN).map(([label, n]) => (
          <li key={label} className="grid grid-cols-[10rem_1fr_6rem] items-center gap-2 text-sm">
            <span className="truncate" title={label}>
              {label}
            </span>
            <span
              className="h-3 rounded-sm bg-accent-500/80"
              style={{ width: `${max > 0 ? (n / max) * 100 : 0}%` }}
              aria-hidden
            />
            <span className="text-right tabular-nums text-slate-600">
              {formatCount(n)}{" "}
              <span className="text-xs text-slate-500">({formatPercent(total > 0 ? n / total : 0, 0)})</span>
            </span>
          </li>
        ))}
      </ul>
      {rest.length > 0 ? (
        <p className="mt-2 text-xs text-slate-500">
          …and {rest.length} more outcomes with {formatCount(rest.reduce((a, [, n]) => a + n, 0))} cases.
        </p>
      ) : null}
    </div>
  );
}
