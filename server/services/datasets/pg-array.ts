import { Param, sql, type SQL } from "drizzle-orm";

/** Backslash before every `"` and `\`, in one pass (traces are JSON: full of quotes). */
function quote(value: string): string {
  return `"${value.replace(/["\\]/g, "\\$&")}"`;
}

/**
 * A Postgres array literal (`{"a","b",NULL}`) as one text parameter. Both drivers take it the same way,
 * which lets a batch be inserted with `unnest($1::text[], …)`: one parameter per column instead of one per
 * cell, and several times faster than a multi-row VALUES list on PGlite.
 */
export function pgArray(values: readonly (string | number | boolean | null | undefined)[]): SQL {
  const parts = values.map((v) =>
    v === null || v === undefined ? "NULL" : typeof v === "string" ? quote(v) : String(v),
  );
  return sql`${new Param(`{${parts.join(",")}}`)}`;
}

/** `db.execute` answers an array on postgres.js and `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
