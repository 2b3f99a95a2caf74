import type { SeriesPoint } from "@/lib/monitoring/series";
import { day } from "./format";

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { left: 44, right: 12, top: 12, bottom: 40 };
const LINES = [
  { key: "accuracy", name: "Accuracy", color: "#4f46e5" },
  { key: "escalation", name: "Escalation rate", color: "#d97706" },
] as const;

const x = (i: number, n: number) => PAD.left + (n <= 1 ? 0 : (i * (WIDTH - PAD.left - PAD.right)) / (n - 1));
const y = (rate: number) => PAD.top + (1 - rate) * (HEIGHT - PAD.top - PAD.bottom);

/**
 * Weekly accuracy and escalation rate as a small SVG line chart for the printed review (no script, so it
 * prints and goes into the PDF as drawn). Only numbers and fixed words are drawn; dates come from numbers.
 */
export function trendSvg(weeks: readonly SeriesPoint[]): string {
  const shown = weeks.filter((w) => w.itemsIn > 0);
  if (shown.length === 0) return "";
  const values = {
    accuracy: shown.map((w) => w.accuracy.rate),
    escalation: shown.map((w) => w.escalationRate),
  };
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (r) =>
        `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(r)}" y2="${y(r)}" stroke="#e2e8f0"/><text x="${PAD.left - 6}" y="${y(r) + 4}" font-size="10" text-anchor="end" fill="#475569">${r * 100}%</text>`,
    )
    .join("");
  const ticks = shown
    .map(
      (w, i) =>
        `<text x="${x(i, shown.length)}" y="${HEIGHT - PAD.bottom + 14}" font-size="10" text-anchor="middle" fill="#475569">${day(w.startMs).slice(5)}</text>`,
    )
    .join("");
  const lines = LINES.map(({ key, color }) => {
    const points = values[key]
      .map((v, i) => (v === null ? null : `${x(i, shown.length).toFixed(1)},${y(v).toFixed(1)}`))
      .filter((p): p is string => p !== null);
    const dots = points
      .map((p) => `<circle cx="${p.split(",")[0]}" cy="${p.split(",")[1]}" r="3" fill="${color}"/>`)
      .join("");
    return `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.join(" ")}"/>${dots}`;
  }).join("");
  const legend = LINES.map(
    ({ name, color }, i) =>
      `<rect x="${PAD.left + i * 140}" y="${HEIGHT - 14}" width="10" height="10" fill="${color}"/><text x="${PAD.left + i * 140 + 14}" y="${HEIGHT - 5}" font-size="11" fill="#0f172a">${name}</text>`,
  ).join("");
  const axis = `<text x="${(WIDTH + PAD.left) / 2}" y="${HEIGHT - PAD.bottom + 28}" font-size="10" text-anchor="middle" fill="#475569">week starting (UTC)</text>`;
  return `<svg class="trend" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="Accuracy and escalation rate by week">${grid}${ticks}${axis}${lines}${legend}</svg>`;
}
