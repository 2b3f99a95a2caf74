import { resolveJsonPath } from "./json-path";

/**
 * The operation's output: each mapped field read from the JSON response (null when absent). With no mapping,
 * the response object itself — or `{ value }` for a bare value — so the node still has something to show.
 */
export function mapResponse(
  body: unknown,
  mapping: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const fields = Object.entries(mapping);
  if (fields.length === 0) {
    return body !== null && typeof body === "object" && !Array.isArray(body)
      ? { ...(body as Record<string, unknown>) }
      : { value: body };
  }
  const output: Record<string, unknown> = {};
  for (const [field, path] of fields) {
    const value = resolveJsonPath(body, path);
    Object.defineProperty(output, field, {
      value: value === undefined ? null : value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return output;
}
