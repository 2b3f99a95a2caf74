import { describe, expect, it } from "vitest";
import { previewDataset } from "../preview";

describe("previewDataset", () => {
  it("suggests the ServiceNow mapping: number, day-first opened_at, final assignment group, ? as missing", () => {
    const sample = [
      "number,opened_at,contact_type,category,first_assignment_group,assignment_group,resolved_at",
      "INC0000045,29/2/2016 01:16,Phone,Category 55,Group 56,Group 56,29/2/2016 11:29",
      "INC0000047,29/2/2016 04:40,Phone,Category 40,Group 70,Group 24,1/3/2016 09:52",
      "INC0000057,29/2/2016 06:10,Phone,Category 20,Group 70,?,1/3/2016 02:55",
      "INC00000", // cut mid-line by the sample: ignored
    ].join("\n");
    const preview = previewDataset(sample, "incidents_summary.csv");
    expect(preview.format).toBe("csv");
    expect(preview.rows).toHaveLength(3);
    expect(preview.suggested).toMatchObject({
      id: "number",
      at: "opened_at",
      dateFormat: "day-first",
      label: "assignment_group",
      missingValues: ["?"],
    });
    expect(preview.suggested.outcomeType).toBeUndefined();
  });

  it("reads JSON Lines samples", () => {
    const sample = `${JSON.stringify({ ticket_id: "T-1", created_at: "2025-01-01T10:00:00Z", body: "hi", outcome: "billing-team" })}\n{"ticket_id":"T-2","cre`;
    const preview = previewDataset(sample, "tickets.jsonl");
    expect(preview).toMatchObject({
      format: "jsonl",
      columns: ["ticket_id", "created_at", "body", "outcome"],
    });
    expect(preview.suggested).toMatchObject({
      id: "ticket_id",
      at: "created_at",
      label: "outcome",
      text: "body",
      dateFormat: "iso",
    });
  });
});
