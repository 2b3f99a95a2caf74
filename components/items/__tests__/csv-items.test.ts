import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { UploadField } from "@/server/services/items/upload-target";
import { exampleItem } from "../example-item";
import {
  chunkOutcome,
  chunks,
  parseCsv,
  rowToItem,
  suggestDateFormat,
  suggestMapping,
  templateCsv,
  unmappedRequired,
} from "../csv-items";

const fields: UploadField[] = [
  { name: "ticket_id", type: "string", required: true },
  { name: "subject", label: "Subject line", type: "string", required: true },
  { name: "priority", type: "enum", required: true, values: ["low", "high"] },
  { name: "amount", type: "number", required: false },
  { name: "vip", type: "boolean", required: false },
  { name: "occurred_at", type: "date", required: true },
];

describe("csv items", () => {
  it("reads a header and rows, numbering rows as a spreadsheet does and setting aside unreadable ones", () => {
    const csv = [
      "\uFEFFTicket ID,Subject line,priority,,priority",
      'T-1,"Refund, please",high,x,low',
      "T-2,short row",
      "",
      'T-3,"Two\nlines",low,,low',
    ].join("\r\n");
    const parsed = parseCsv(csv);
    expect(parsed.columns).toEqual(["Ticket ID", "Subject line", "priority", "column_4", "priority_2"]);
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(parsed.rows[0]!.values).toMatchObject({ "Ticket ID": "T-1", "Subject line": "Refund, please" });
    expect(parsed.rows[1]!.values["Subject line"]).toBe("Two\nlines");
    expect(parsed.unreadable).toEqual([{ row: 3, message: "The row has 2 cells; the header has 5." }]);
  });

  it("maps each field to the column of its name or label, ignoring case and punctuation", () => {
    const mapping = suggestMapping(["Ticket ID", "Subject Line", "PRIORITY", "Occurred-At", "notes"], fields);
    expect(mapping).toEqual({
      ticket_id: "Ticket ID",
      subject: "Subject Line",
      priority: "PRIORITY",
      occurred_at: "Occurred-At",
    });
    expect(unmappedRequired(mapping, fields)).toEqual([]);
    expect(unmappedRequired({ ticket_id: "Ticket ID" }, fields).map((f) => f.name)).toEqual([
      "subject",
      "priority",
      "occurred_at",
    ]);
  });

  it("converts cells to the field types, leaves unreadable cells for the server to name, and drops empty ones", () => {
    const mapping = {
      ticket_id: "id",
      subject: "s",
      priority: "p",
      amount: "a",
      vip: "v",
      occurred_at: "at",
    };
    const item = (values: Record<string, string>, format: "iso" | "day-first" = "iso") =>
      rowToItem({ row: 2, values }, mapping, fields, format);

    expect(
      item({ id: "0042", s: "  keep spaces ", p: " high ", a: "12.50", v: "Yes", at: "2026-03-01 09:30" }),
    ).toEqual({
      ticket_id: "0042",
      subject: "  keep spaces ",
      priority: "high",
      amount: 12.5,
      vip: true,
      occurred_at: "2026-03-01T09:30:00.000Z",
    });
    expect(item({ id: "T", s: "x", p: "low", a: "12 EUR", v: "maybe", at: "yesterday" })).toMatchObject({
      amount: "12 EUR",
      vip: "maybe",
      occurred_at: "yesterday",
    });
    expect(item({ id: "T", s: "x", p: "low", a: " ", v: "", at: "01/03/2026" }, "day-first")).toEqual({
      ticket_id: "T",
      subject: "x",
      priority: "low",
      occurred_at: "2026-03-01T00:00:00.000Z",
    });
  });

  it("guesses the date format from the mapped date column", () => {
    const rows = ["29/02/2024 10:00", "01/03/2024 11:00"].map((at, i) => ({ row: i + 2, values: { at } }));
    expect(suggestDateFormat(rows, { occurred_at: "at" }, fields)).toEqual({
      format: "day-first",
      ambiguous: false,
    });
    expect(suggestDateFormat([], {}, fields)).toEqual({ format: "iso", ambiguous: false });
  });

  it("splits into chunks and writes a template that reads back with its own mapping", () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 1000)).toEqual([]);

    const example = exampleItem(fields, new Date(Date.UTC(2026, 0, 2, 3, 4, 5)));
    expect(example).toEqual({
      ticket_id: "ITEM-1001",
      subject: "Example Subject line",
      priority: "low",
      amount: 1,
      vip: false,
      occurred_at: "2026-01-02T03:04:05Z",
    });
    const parsed = parseCsv(templateCsv(fields, example));
    const mapping = suggestMapping(parsed.columns, fields);
    expect(rowToItem(parsed.rows[0]!, mapping, fields, "iso")).toEqual({
      ...example,
      occurred_at: "2026-01-02T03:04:05.000Z",
    });
    expect(Papa.parse(templateCsv(fields, example)).data[0]).toEqual(fields.map((f) => f.name));
  });

  it("numbers the server's refusals by the file's rows, one line per field", () => {
    const rows = [5, 6, 9].map((row) => ({ row, values: {} }));
    const outcome = chunkOutcome(rows, {
      accepted: [
        { itemId: "a", externalId: "T-5", duplicate: false },
        { itemId: "b", externalId: "T-9", duplicate: true },
      ],
      rejected: [
        {
          index: 1,
          errors: [
            { path: "/priority", message: "priority must be one of low, high" },
            { path: "occurred_at", message: "occurred_at is required" },
          ],
        },
      ],
    });
    expect(outcome).toEqual({
      accepted: 1,
      duplicates: 1,
      rejected: 1,
      problems: [
        { row: 6, field: "priority", message: "priority must be one of low, high" },
        { row: 6, field: "occurred_at", message: "occurred_at is required" },
      ],
    });
  });
});
