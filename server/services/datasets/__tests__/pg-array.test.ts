import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { openTestDatabase } from "../../../testing/test-database";
import { pgArray, rowsOf } from "../pg-array";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

it("round-trips every awkward text through a Postgres array literal, on either engine", async () => {
  const texts = [
    "",
    "plain",
    'say "hi"',
    "back\\slash",
    '\\"both\\"',
    "{braces},commas",
    "NULL",
    " padded ",
    "multi\nline\ttab",
    JSON.stringify({ path: ["a", 'b"c'], note: "x\\y" }),
    "émoji 🚀",
  ];
  const result = await database.db.execute(
    sql`select t, n from unnest(${pgArray([...texts, null])}::text[]) with ordinality as u(t, n) order by n`,
  );
  expect(rowsOf<{ t: string | null }>(result).map((row) => row.t)).toEqual([...texts, null]);
});
