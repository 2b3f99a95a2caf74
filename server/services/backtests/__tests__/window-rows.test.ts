import { and, asc, eq, gte, lt } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { datasetRows } from "../../../db/schema";
import { openTestDatabase } from "../../../testing/test-database";
import type { RecordedReadsJson } from "../types";
import { fetchWindowRows, type WindowRow } from "../window-rows";

let database: Database;
const DATASET = "window-rows-dataset";
const from = new Date("2026-03-01T00:00:00.000Z");
const to = new Date("2026-03-02T00:00:00.000Z");

const recordedReads: RecordedReadsJson = {
  crm: { status: "ok", data: { plan: "pro", tags: ["a", "b"], nested: { quote: '"' } } },
};

const awkwardTexts = [
  'quotes " and \\ backslashes',
  "multi\nline\ttab",
  "émoji 🚀 and 中文",
  '{"looks":"like json"}',
  "",
  null,
];

beforeAll(async () => {
  database = await openTestDatabase();
  const at = (iso: string) => new Date(iso);
  await database.db.insert(datasetRows).values([
    // Outside the window on each side, and a row of another dataset inside it.
    {
      datasetId: DATASET,
      itemId: "before",
      line: 1,
      occurredAt: at("2026-02-28T23:59:59.999Z"),
      label: "x",
      fields: {},
    },
    { datasetId: DATASET, itemId: "at-end", line: 2, occurredAt: to, label: "x", fields: {} },
    {
      datasetId: "other",
      itemId: "other",
      line: 1,
      occurredAt: at("2026-03-01T12:00:00Z"),
      label: "x",
      fields: {},
    },
    ...awkwardTexts.map((text, i) => ({
      datasetId: DATASET,
      itemId: `case-${i}`,
      line: 10 + i,
      // Three rows share one instant: ties go by id.
      occurredAt: i < 3 ? at("2026-03-01T08:00:00.123Z") : at(`2026-03-01T${10 + i}:30:00.007Z`),
      label: i % 2 ? "billing" : "technical",
      outcomeType: i === 4 ? ("escalate" as const) : i === 5 ? null : ("route" as const),
      text,
      fields: { tier: i % 2 ? "pro" : "free", seats: i * 10, vip: i === 1, note: i === 2 ? null : 'x"y' },
      reads: i === 3 ? recordedReads : null,
    })),
    { datasetId: DATASET, itemId: "start", line: 3, occurredAt: from, label: "x", fields: {} },
  ]);
});
afterAll(() => database.close());

/** What a plain row-per-case select answers: the reference the packed batch must match. */
function referenceRows(): Promise<WindowRow[]> {
  return database.db
    .select({
      id: datasetRows.id,
      itemId: datasetRows.itemId,
      occurredAt: datasetRows.occurredAt,
      label: datasetRows.label,
      outcomeType: datasetRows.outcomeType,
      text: datasetRows.text,
      fields: datasetRows.fields,
      reads: datasetRows.reads,
    })
    .from(datasetRows)
    .where(
      and(
        eq(datasetRows.datasetId, DATASET),
        gte(datasetRows.occurredAt, from),
        lt(datasetRows.occurredAt, to),
      ),
    )
    .orderBy(asc(datasetRows.occurredAt), asc(datasetRows.id));
}

it("answers the window's rows in time order, value for value as stored, on either engine", async () => {
  const expected = await referenceRows();
  expect(expected.map((row) => row.itemId)).toEqual([
    "start",
    "case-0",
    "case-1",
    "case-2",
    "case-3",
    "case-4",
    "case-5",
  ]);
  const rows = await fetchWindowRows(database.db, DATASET, from, to, null, 100);
  expect(rows).toEqual(expected);
  expect(rows.map((row) => row.text)).toEqual([null, ...awkwardTexts]);
  expect(rows[1]!.occurredAt.toISOString()).toBe("2026-03-01T08:00:00.123Z");
});

it("pages through the window with the cursor, ties included, each row once", async () => {
  const expected = await referenceRows();
  const seen: WindowRow[] = [];
  let cursor: { at: Date; rowId: number } | null = null;
  for (let page = 0; page < 10; page++) {
    const rows = await fetchWindowRows(database.db, DATASET, from, to, cursor, 2);
    if (rows.length === 0) break;
    seen.push(...rows);
    const last = rows[rows.length - 1]!;
    cursor = { at: last.occurredAt, rowId: last.id };
  }
  expect(seen).toEqual(expected);
});
