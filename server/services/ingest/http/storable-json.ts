import { IngestError } from "../errors";

/** Deeper than any item a business system sends; deep enough to refuse stack-exhausting bodies early. */
export const MAX_JSON_DEPTH = 32;

// A NUL, or half of a surrogate pair: valid JSON, but Postgres refuses them in jsonb.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Refuses parsed JSON that Postgres could not store (so a bad byte is a 400 naming its place, not a 500
 * from the database) or that nests deeper than MAX_JSON_DEPTH.
 */
export function assertStorableJson(value: unknown, path = "", depth = 0): void {
  if (typeof value === "string") {
    if (UNSTORABLE.test(value)) {
      throw new IngestError(
        400,
        "invalid_text",
        "Text contains a NUL character or a broken surrogate pair.",
        [
          {
            path: path || "(body)",
            message: "Remove NUL characters and unpaired surrogates (\\u0000, \\ud800…).",
          },
        ],
      );
    }
    return;
  }
  if (typeof value !== "object" || value === null) return;
  if (depth >= MAX_JSON_DEPTH) {
    throw new IngestError(400, "too_deep", `The JSON nests deeper than ${MAX_JSON_DEPTH} levels.`, [
      { path: path || "(body)", message: `At most ${MAX_JSON_DEPTH} levels of objects and arrays.` },
    ]);
  }
  if (Array.isArray(value)) {
    value.forEach((entry, index) => assertStorableJson(entry, `${path}[${index}]`, depth + 1));
    return;
  }
  for (const [key, entry] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    assertStorableJson(key, at, depth + 1);
    assertStorableJson(entry, at, depth + 1);
  }
}

/** Where, in an item's fields, text Postgres cannot store sits (its path), or undefined when all is storable. */
export function unstorableTextAt(value: unknown, path = ""): string | undefined {
  if (typeof value === "string") return UNSTORABLE.test(value) ? path || "(item)" : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableTextAt(value[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [key, entry] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    const found = unstorableTextAt(key, at) ?? unstorableTextAt(entry, at);
    if (found !== undefined) return found;
  }
  return undefined;
}
