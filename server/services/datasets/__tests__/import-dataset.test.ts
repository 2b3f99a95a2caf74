import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { datasetRows, datasets } from "../../../db/schema";
import { openTestDatabase } from "../../../testing/test-database";
import { importDataset } from "../import-dataset";
import type { DatasetMapping } from "../types";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** Feeds text in small chunks, so records cross chunk boundaries as they do in a real upload. */
async function* chunks(text: string, size = 7): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const csvMapping: DatasetMapping = {
  format: "csv",
  id: "number",
  at: "opened_at",
  dateFormat: "day-first",
  label: "assignment_group",
  missingValues: ["?"],
};

// Line 1 is the header; the line numbers in the expectations are the file's.
const CSV = [
  "number,opened_at,category,assignment_group",
  "INC1,29/2/2016 01:16,Category 40,Group 70", // 2 ok (a day-first leap day)
  "INC2,1/3/2016 09:00,Category 41,Group 24", // 3 ok
  "INC3,31/2/2016 10:00,Category 40,Group 70", // 4 no 31 February
  "INC4,2/3/2016 10:00,Category 40", // 5 a column short
  "INC5,3/3/2016 11:30,Category 42,?", // 6 outcome unknown
  "INC2,4/3/2016 12:00,Category 41,Group 24", // 7 INC2 again
  '"INC6","5/3/2016 08:05","Category ""quoted""\nover two lines",Group 24', // 8-9 ok, multi-line
  "INC7,yesterday,Category 40,Group 70", // 10 not a date
  "",
].join("\n");

describe("importDataset", () => {
  it("imports the good rows and reports each bad one with its line number and reason", async () => {
    const result = await importDataset(database.db, {
      name: "incidents",
      mapping: csvMapping,
      source: chunks(CSV),
      batchSize: 2,
    });
    expect(result.alreadyImported).toBe(false);
    expect(result.status).toBe("ready");
    expect(result.report.rowsRead).toBe(8);
    expect(result.report.imported).toBe(3);
    expect(result.report.badRows.map((b) => [b.line, b.reason])).toEqual([
      [4, "unparsable_date"],
      [5, "column_count"],
      [6, "missing_outcome"],
      [7, "duplicate_id"],
      [10, "unparsable_date"],
    ]);
    expect(result.report.badRows.find((b) => b.line === 7)?.message).toContain("already on line 3");
    expect(result.report.badRows.find((b) => b.line === 5)?.message).toBe("expected 4 columns, found 3");

    const [dataset] = await database.db.select().from(datasets).where(eq(datasets.id, result.datasetId));
    expect(dataset).toMatchObject({
      status: "ready",
      rowCount: 3,
      badRowCount: 5,
      labelCounts: { "Group 70": 1, "Group 24": 2 },
    });
    expect(dataset!.firstAt?.toISOString()).toBe("2016-02-29T01:16:00.000Z");
    expect(dataset!.lastAt?.toISOString()).toBe("2016-03-05T08:05:00.000Z");
    // The report stays with the dataset.
    expect(dataset!.report?.badRows).toHaveLength(5);

    const rows = await database.db
      .select()
      .from(datasetRows)
      .where(eq(datasetRows.datasetId, result.datasetId))
      .orderBy(datasetRows.line);
    expect(rows.map((r) => r.itemId)).toEqual(["INC1", "INC2", "INC6"]);
    expect(rows[2]!.fields.category).toBe('Category "quoted"\nover two lines');
    expect(rows[2]!.line).toBe(9);
  });

  it("treats a second import of the same file and mapping as a no-op", async () => {
    const before = await database.db.select().from(datasets);
    const first = before.find((d) => d.name === "incidents")!;
    const again = await importDataset(database.db, {
      name: "incidents again",
      mapping: csvMapping,
      source: chunks(CSV, 64),
    });
    expect(again).toMatchObject({ alreadyImported: true, datasetId: first.id });
    const after = await database.db.select().from(datasets);
    expect(after).toHaveLength(before.length);
    const rows = await database.db.select().from(datasetRows).where(eq(datasetRows.datasetId, first.id));
    expect(rows).toHaveLength(3);
  });

  it("imports JSON Lines, keeping JSON types and reporting lines that are not objects", async () => {
    const lines = [
      JSON.stringify({
        id: 1,
        at: "2025-01-02T10:00:00Z",
        team: "billing-team",
        body: "refund please",
        tier: "pro",
        vip: true,
      }),
      "not json",
      JSON.stringify({
        id: 2,
        at: "2025-01-03T10:00:00+01:00",
        team: "tech-support",
        body: "crash",
        tier: "free",
        vip: false,
        outcome: "escalated",
      }),
      "[1,2]",
      "",
      JSON.stringify({ id: 3, at: "2025-01-04", body: "no outcome" }),
    ].join("\n");
    const mapping: DatasetMapping = {
      format: "jsonl",
      id: "id",
      at: "at",
      dateFormat: "iso",
      label: "team",
      text: "body",
      outcomeType: "outcome",
    };
    const result = await importDataset(database.db, { name: "tickets", mapping, source: chunks(lines, 5) });
    expect(result.report.badRows.map((b) => [b.line, b.reason])).toEqual([
      [2, "invalid_json"],
      [4, "invalid_json"],
      [6, "missing_outcome"],
    ]);
    const rows = await database.db
      .select()
      .from(datasetRows)
      .where(eq(datasetRows.datasetId, result.datasetId))
      .orderBy(datasetRows.line);
    expect(rows.map((r) => r.occurredAt.toISOString())).toEqual([
      "2025-01-02T10:00:00.000Z",
      "2025-01-03T09:00:00.000Z",
    ]);
    expect(rows[0]).toMatchObject({
      itemId: "1",
      text: "refund please",
      fields: { tier: "pro", vip: true },
      label: "billing-team",
      outcomeType: null,
    });
    expect(rows[1]).toMatchObject({ label: "tech-support", outcomeType: "escalate" });
  });

  it("refuses a mapping that names a column the file does not have, and keeps nothing", async () => {
    await expect(
      importDataset(database.db, {
        name: "wrong",
        mapping: { ...csvMapping, label: "final_group" },
        source: chunks(CSV),
      }),
    ).rejects.toThrow('The file has no column "final_group"');
    const [failed] = await database.db.select().from(datasets).where(eq(datasets.name, "wrong"));
    expect(failed?.status).toBe("failed");
    expect(
      await database.db.select().from(datasetRows).where(eq(datasetRows.datasetId, failed!.id)),
    ).toHaveLength(0);
  });
});
