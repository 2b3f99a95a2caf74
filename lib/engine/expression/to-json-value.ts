/**
 * CEL values (bigint ints, Uint8Array bytes, Maps) made JSON-safe, so
 * connector inputs and traces serialise. Depth is capped: CEL values built
 * from a bounded expression over JSON input cannot be deeper than that input.
 */
const MAX_DEPTH = 64;

export function toJsonValue(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return null;
  if (value === null || value === undefined) return value ?? null;
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value : null;
    case "bigint":
      return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(value)
        : value.toString();
    case "object":
      break;
    default:
      return null;
  }
  if (Array.isArray(value)) return value.map((v) => toJsonValue(v, depth + 1));
  if (value instanceof Uint8Array) return Array.from(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  const entries =
    value instanceof Map ? [...value].map(([k, v]) => [String(k), v] as const) : Object.entries(value);
  const out: Record<string, unknown> = {};
  // defineProperty, not assignment: a "__proto__" key must stay a plain key.
  for (const [k, v] of entries) {
    Object.defineProperty(out, k, {
      value: toJsonValue(v, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
