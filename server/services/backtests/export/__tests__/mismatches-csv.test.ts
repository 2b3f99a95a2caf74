import { eq } from "drizzle-orm";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../../db/client";
import { backtestResults, backtestRuns, datasetRows } from "../../../../db/schema";
import { createLedgerWorld } from "../../../../testing/ledger-workflow";
import { openTestDatabase } from "../../../../testing/test-database";
import type { SessionUser } from "../../../../trpc";
import { importDataset } from "../../../datasets/import-dataset";
import { MISMATCH_CSV_COLUMNS, mismatchesCsvResponse } from "../mismatches-csv";

const FORMULA = '=HYPERLINK("http://x")';
const ROWS = 2_500; // more than two of the export's pages

let database: Database;
let runId: string;
let owner: SessionUser;

beforeAll(async () => {
  database = await openTestDatabase();
  const world = await createLedgerWorld(database.db, { ledgerUrl: "http://127.0.0.1:9" });
  owner = { id: world.ownerId, email: "o@test", name: "Olga", role: "owner" };
  // Row 0 carries formula cells in its text, a field and its label; the rest are ordinary tickets.
  const lines = ["id,created_at,body,team,channel"];
  lines.push(`T-0,2026-01-01T00:00:00Z,"${FORMULA.replaceAll('"', '""')}",@SUM(1+1),+cmd|' /C calc'!A0`);
  for (let i = 1; i < ROWS; i++)
    lines.push(`T-${i},2026-01-01T00:00:${String(i % 60).padStart(2, "0")}Z,ticket ${i},ops,-12`);
  const imported = await importDataset(database.db, {
    name: "formula cells",
    mapping: { format: "csv", id: "id", at: "created_at", dateFormat: "iso", label: "team", text: "body" },
    source: [`${lines.join("\n")}\n`],
  });
  expect(imported.report.imported).toBe(ROWS);
  runId = crypto.randomUUID();
  await database.db.insert(backtestRuns).values({
    id: runId,
    number: 7,
    workflowId: world.workflowId,
    versionId: world.versionId,
    datasetId: imported.datasetId,
    windowFrom: new Date("2026-01-01T00:00:00Z"),
    windowTo: new Date("2026-01-02T00:00:00Z"),
    status: "done",
  });
  const rows = await database.db
    .select({ id: datasetRows.id, itemId: datasetRows.itemId, label: datasetRows.label })
    .from(datasetRows)
    .where(eq(datasetRows.datasetId, imported.datasetId));
  const seqOf = (itemId: string) => Number(itemId.slice(2));
  await database.db.insert(backtestResults).values(
    rows.map((row) => ({
      runId,
      rowId: row.id,
      seq: seqOf(row.itemId),
      actualLabel: row.label,
      predictedLabel: seqOf(row.itemId) % 2 === 0 ? "billing" : "ESCALATED",
      kind: seqOf(row.itemId) % 2 === 0 ? ("wrong" as const) : ("escalated" as const),
      trace: { steps: [], reason: seqOf(row.itemId) === 0 ? "-1+1 looked odd" : "checked" },
    })),
  );
}, 120_000);
afterAll(() => database.close());

async function exported(user: SessionUser | null, query = "") {
  const response = await mismatchesCsvResponse(database.db, user, runId, new URLSearchParams(query));
  // ignoreBOM: keep the BOM in the text (response.text() would drop it), so the test can see it is sent.
  const bytes = response.ok ? await response.arrayBuffer() : new ArrayBuffer(0);
  return { response, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

describe("mismatches CSV export", () => {
  it("streams every mismatch with formula cells escaped, while the dataset keeps them verbatim", async () => {
    const { response, text } = await exported(owner);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="backtest-7-mismatches.csv"',
    );
    expect(text.startsWith("\uFEFF")).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual([...MISMATCH_CSV_COLUMNS]);
    expect(rows).toHaveLength(ROWS);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: ROWS }, (_, i) => `T-${i}`));
    const first = Object.fromEntries(header!.map((column, i) => [column, rows[0]![i]]));
    expect(first).toMatchObject({
      text: `'${FORMULA}`,
      actual: "'@SUM(1+1)",
      why: "'-1+1 looked odd",
      fields: JSON.stringify({ channel: "+cmd|' /C calc'!A0" }),
    });
    // A plain negative number is a number, not a formula: left alone (inside the fields' JSON here).
    expect(rows[1]![9]).toBe('{"channel":"-12"}');

    const [stored] = await database.db.select().from(datasetRows).where(eq(datasetRows.itemId, "T-0"));
    expect(stored).toMatchObject({
      text: FORMULA,
      label: "@SUM(1+1)",
      fields: { channel: "+cmd|' /C calc'!A0" },
    });
  });

  it("exports what the explorer's filter shows", async () => {
    const { text } = await exported(owner, "kind=escalated");
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data.slice(1);
    expect(rows).toHaveLength(ROWS / 2);
    expect(rows.every((r) => r[4] === "escalated")).toBe(true);
    const { text: paired } = await exported(
      owner,
      `actual=${encodeURIComponent("@SUM(1+1)")}&predicted=billing`,
    );
    expect(
      Papa.parse<string[]>(paired.slice(1), { skipEmptyLines: true })
        .data.slice(1)
        .map((r) => r[0]),
    ).toEqual(["T-0"]);
  });

  it("is for owners and admins only, and answers unknown runs and kinds plainly", async () => {
    expect((await exported(null)).response.status).toBe(401);
    expect((await exported({ ...owner, role: "reviewer" })).response.status).toBe(403);
    expect((await exported({ ...owner, role: "admin" })).response.status).toBe(200);
    expect((await exported(owner, "kind=correct")).response.status).toBe(400);
    const missing = await mismatchesCsvResponse(database.db, owner, "no-such-run", new URLSearchParams());
    expect(missing.status).toBe(404);
  });
});
