export interface ValueChange {
  /** Where, e.g. `config.labels` or `config.model.keywords.billing`. */
  path: string;
  kind: "added" | "removed" | "changed";
  before?: unknown;
  after?: unknown;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): boolean => v === null || ["string", "number", "boolean"].includes(typeof v);

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!sameValue(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/**
 * The differences between two JSON values, one line each. Lists of plain values compare as sets ("added
 * shipping"), lists of objects position by position, objects key by key.
 */
export function diffValues(
  before: unknown,
  after: unknown,
  path: string,
  out: ValueChange[] = [],
): ValueChange[] {
  if (sameValue(before, after)) return out;
  if (before === undefined) {
    out.push({ path, kind: "added", after });
    return out;
  }
  if (after === undefined) {
    out.push({ path, kind: "removed", before });
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.every(isScalar) && after.every(isScalar)) {
      for (const v of before) if (!after.some((w) => w === v)) out.push({ path, kind: "removed", before: v });
      for (const v of after) if (!before.some((w) => w === v)) out.push({ path, kind: "added", after: v });
      if (!out.some((c) => c.path === path)) out.push({ path, kind: "changed", before, after }); // same members, new order
      return out;
    }
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) diffValues(before[i], after[i], `${path}[${i}]`, out);
    return out;
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const key of keys) diffValues(before[key], after[key], path ? `${path}.${key}` : key, out);
    return out;
  }
  out.push({ path, kind: "changed", before, after });
  return out;
}

/** One change as a sentence for the compare panel. */
export function describeChange(change: ValueChange): string {
  const show = (v: unknown) => (typeof v === "string" ? `"${v}"` : JSON.stringify(v));
  switch (change.kind) {
    case "added":
      return `${change.path}: added ${show(change.after)}`;
    case "removed":
      return `${change.path}: removed ${show(change.before)}`;
    default:
      return `${change.path}: ${show(change.before)} → ${show(change.after)}`;
  }
}
