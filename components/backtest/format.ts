/** Formatting shared by the backtest and dataset screens. Windows are whole UTC days, so days print in UTC. */
const dayFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
const number = new Intl.NumberFormat("en");

export function formatDay(value: Date | string | number): string {
  return dayFormat.format(new Date(value));
}

/** The last day a window includes (windows end exclusively at midnight). */
export function formatWindow(from: Date | string, to: Date | string): string {
  return `${formatDay(from)} – ${formatDay(new Date(new Date(to).getTime() - 1))}`;
}

export function isoDay(value: Date | string | number): string {
  return new Date(value).toISOString().slice(0, 10);
}

export function formatPercent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || Number.isNaN(value)
    ? "–"
    : `${(value * 100).toFixed(digits)}%`;
}

export function formatDelta(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  const points = value * 100;
  return `${points > 0 ? "+" : ""}${points.toFixed(1)} pts`;
}

export function formatCount(value: number): string {
  return number.format(value);
}

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "–";
  if (seconds < 1) return "under a second";
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
