/**
 * A tiny dotted-path resolver for response mapping and templates: `data.customer.email`, `items[0].id`,
 * optionally starting with `$.`. No filters, no expressions, nothing evaluated — and never a step into
 * `__proto__`, `constructor` or `prototype`, so a path cannot reach an object's machinery.
 */

const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);
const SEGMENT = /^[A-Za-z0-9_$-]+$/;

export type PathSegment = string | number;

export function isSafePathSegment(segment: string): boolean {
  return !FORBIDDEN_SEGMENTS.has(segment);
}

/** The path's steps, or null when it is not a path this resolver accepts. */
export function parseJsonPath(path: string): PathSegment[] | null {
  let rest = path.trim();
  if (rest === "$") return [];
  if (rest.startsWith("$.")) rest = rest.slice(2);
  if (rest === "") return null;
  const segments: PathSegment[] = [];
  for (const part of rest.split(".")) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) return null;
    const [, name = "", indexes = ""] = match;
    if (name !== "") {
      if (!SEGMENT.test(name) || !isSafePathSegment(name)) return null;
      segments.push(name);
    } else if (indexes === "") {
      return null;
    }
    for (const index of indexes.matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

/** The value at `path` in `root`, or undefined when any step is missing. Reads own properties only. */
export function resolveJsonPath(root: unknown, path: string | readonly PathSegment[]): unknown {
  const segments = typeof path === "string" ? parseJsonPath(path) : path;
  if (!segments) return undefined;
  let current: unknown = root;
  for (const segment of segments) {
    if (current === null || typeof current !== "object") return undefined;
    if (typeof segment === "string" && !isSafePathSegment(segment)) return undefined;
    const key = typeof segment === "number" ? String(segment) : segment;
    if (Array.isArray(current) && typeof segment !== "number" && !/^\d+$/.test(key)) return undefined;
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
