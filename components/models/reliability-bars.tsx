interface Bin {
  lower: number;
  upper: number;
  count: number;
  meanConfidence: number | null;
  accuracy: number | null;
}

/**
 * A small reliability diagram: one column per confidence bin, its height the share that was right, before
 * (grey) and after calibration (accent). On the diagonal is calibrated; the table alternative is in the title.
 */
export function ReliabilityBars({ before, after }: { before: readonly Bin[]; after: readonly Bin[] }) {
  const width = 180;
  const height = 60;
  const slot = width / Math.max(1, before.length);
  const describe = (bins: readonly Bin[]) =>
    bins
      .filter((b) => b.count > 0)
      .map(
        (b) =>
          `${(b.meanConfidence ?? 0).toFixed(2)} said, ${(b.accuracy ?? 0).toFixed(2)} right (${b.count})`,
      )
      .join("; ");
  const bars = (bins: readonly Bin[], offset: number, className: string) =>
    bins.map((bin, i) =>
      bin.count > 0 && bin.accuracy !== null ? (
        <rect
          key={`${offset}-${i}`}
          x={i * slot + offset}
          y={height - bin.accuracy * height}
          width={Math.max(1, slot / 2 - 1)}
          height={Math.max(1, bin.accuracy * height)}
          className={className}
        />
      ) : null,
    );
  return (
    <figure className="flex items-end gap-3">
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`Reliability before: ${describe(before) || "none"}. After: ${describe(after) || "none"}.`}
        className="rounded border border-slate-200 bg-white"
      >
        <line x1={0} y1={height} x2={width} y2={0} className="stroke-slate-300" strokeDasharray="3 3" />
        {bars(before, 0, "fill-slate-400")}
        {bars(after, slot / 2, "fill-accent-500")}
      </svg>
      <figcaption className="space-y-0.5 text-[11px] text-slate-500">
        <span className="flex items-center gap-1">
          <span className="inline-block h-2 w-2 bg-slate-400" aria-hidden /> as run
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block h-2 w-2 bg-accent-500" aria-hidden /> calibrated
        </span>
        <span>dashed: right as often as said</span>
      </figcaption>
    </figure>
  );
}
