import type { DatasetFields, FieldStat } from "./types";

/** Distinct values are counted up to this; beyond it a field is free text (or an id), not a category. */
export const DISTINCT_CAP = 1000;
const EXAMPLES = 5;

/** Per-field distinct counts with bounded memory (at most DISTINCT_CAP values kept per field). */
export class FieldStatsCollector {
  private readonly stats = new Map<
    string,
    { values: Set<string>; capped: boolean; missing: number; examples: string[] }
  >();

  addAll(rows: readonly { fields: DatasetFields }[]): void {
    for (const row of rows) this.add(row.fields);
  }

  add(fields: DatasetFields): void {
    for (const name in fields) {
      let stat = this.stats.get(name);
      if (!stat)
        this.stats.set(name, (stat = { values: new Set(), capped: false, missing: 0, examples: [] }));
      const value = fields[name];
      if (value === null || value === undefined) {
        stat.missing++;
        continue;
      }
      if (stat.capped) continue;
      const key = String(value);
      if (!stat.values.has(key)) {
        if (stat.values.size >= DISTINCT_CAP) {
          stat.capped = true;
          stat.values.clear();
          continue;
        }
        stat.values.add(key);
        if (stat.examples.length < EXAMPLES)
          stat.examples.push(key.length > 60 ? `${key.slice(0, 57)}…` : key);
      }
    }
  }

  result(): FieldStat[] {
    return [...this.stats].map(([name, s]) => ({
      name,
      distinct: s.capped ? DISTINCT_CAP : s.values.size,
      capped: s.capped,
      missing: s.missing,
      examples: s.examples,
    }));
  }
}

/**
 * A category, not free text or an id: a bounded number of values that repeat (at most 100, or 5% of the
 * rows that have a value, whichever is larger).
 */
export function isCategorical(stat: FieldStat, rowCount: number): boolean {
  return (
    !stat.capped && stat.distinct >= 2 && stat.distinct <= Math.max(100, 0.05 * (rowCount - stat.missing))
  );
}

/** Fields a model may learn from as categories. */
export function categoricalFields(stats: readonly FieldStat[], rowCount: number): string[] {
  return stats.filter((s) => isCategorical(s, rowCount)).map((s) => s.name);
}
