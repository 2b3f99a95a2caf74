import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { openTestDatabase } from "../../../testing/test-database";
import { importDataset } from "../import-dataset";

const ROWS = 200_000;
const MB = 1024 * 1024;

/** A large CSV produced on the fly, 1,000 rows per chunk: the test itself never holds the file. */
async function* bigCsv(rows: number): AsyncGenerator<string> {
  yield "id,created_at,subject,body,tier,outcome\n";
  const teams = ["billing-team", "tech-support", "accounts", "logistics", "product"];
  const start = Date.UTC(2025, 0, 1);
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    const at = new Date(start + i * 37_000).toISOString();
    chunk += `T-${i},${at},Subject number ${i % 97},"Hello, this is ticket ${i}: the app says ""error ${i % 13}"" again",${i % 3 === 0 ? "pro" : "free"},${teams[i % 5]}\n`;
    if (i % 1000 === 999) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

// Slow on purpose (200,000 rows, tens of seconds): the bench imports 1,000,000.
describe("importing a large file (slow: 200,000 rows)", () => {
  it("streams it in batches with bounded memory", { timeout: 300_000 }, async () => {
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let progressCalls = 0;
    const result = await importDataset(database.db, {
      name: "large",
      mapping: {
        format: "csv",
        id: "id",
        at: "created_at",
        dateFormat: "iso",
        label: "outcome",
        text: "body",
      },
      source: bigCsv(ROWS),
      onProgress: () => {
        progressCalls++;
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      },
    });
    expect(result.report.imported).toBe(ROWS);
    expect(result.report.rowsRead).toBe(ROWS);
    expect(progressCalls).toBeGreaterThanOrEqual(ROWS / 2000);
    // Buffering the rows would take several hundred MB of heap; streaming keeps a batch or two.
    expect((peak - before) / MB).toBeLessThan(120);
  });
});
