import { appendFileSync } from "node:fs";

/**
 * Reliability tests report what they measured (items, kills, payloads, refusals…); `npm run
 * test:reliability` collects the figures into its table and final JSON line. Outside that run: no-op.
 */
export function recordFigures(figures: Record<string, number>): void {
  const file = process.env.SWITCHBOARD_RELIABILITY_FIGURES;
  if (file) appendFileSync(file, `${JSON.stringify(figures)}\n`);
}
