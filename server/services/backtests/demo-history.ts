import { supportTriageGraph } from "@/lib/demo/support-triage";
import type { HistoricalTicket } from "@/lib/demo/history/generate-tickets";
import { graphSchema, type Graph } from "@/lib/engine/graph/graph-schema";
import type { DatasetMapping } from "../datasets/types";
import type { RecordedReadsJson } from "./types";

/** The columns of the demo history file, in order. */
export const DEMO_TICKET_COLUMNS = [
  "ticket_id",
  "created_at",
  "subject",
  "body",
  "customer_tier",
  "channel",
  "customer_email",
  "outcome_type",
  "outcome",
  "first_team",
] as const;

/** How the demo file maps: the final outcome is what counts; where triage first sent it is history, not input. */
export const DEMO_MAPPING: DatasetMapping = {
  format: "csv",
  id: "ticket_id",
  at: "created_at",
  dateFormat: "iso",
  label: "outcome",
  outcomeType: "outcome_type",
  text: "body",
  ignore: ["first_team"],
};

/** What the CRM answered in the past, for items that carry no recording: an ordinary customer. */
export const DEMO_READS_FIXTURE: RecordedReadsJson = {
  "crm.get_customer": { status: "ok", data: { vip: false, plan: "pro" } },
};

function cell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function ticketCsvLine(t: HistoricalTicket): string {
  const i = t.item;
  return [
    i.ticket_id,
    i.created_at,
    i.subject,
    i.body,
    i.customer_tier,
    i.channel,
    i.customer_email,
    t.actual.type,
    t.actual.label,
    t.humanFirstLabel,
  ]
    .map(cell)
    .join(",");
}

/** The tickets as a CSV file, produced a chunk at a time (never the whole file in memory). */
export async function* ticketsCsv(
  tickets: Iterable<HistoricalTicket>,
  linesPerChunk = 2000,
): AsyncGenerator<string> {
  let chunk = `${DEMO_TICKET_COLUMNS.join(",")}\n`;
  let lines = 0;
  for (const ticket of tickets) {
    chunk += `${ticketCsvLine(ticket)}\n`;
    if (++lines === linesPerChunk) {
      yield chunk;
      chunk = "";
      lines = 0;
    }
  }
  if (chunk) yield chunk;
}

/** The support-triage graph with its classifier swapped for the embedded model trained on the history. */
export function supportTriageWithEmbeddedModel(modelId = "support-category"): Graph {
  const { testCases: _cases, ...graph } = graphSchema.parse(supportTriageGraph);
  return {
    ...graph,
    nodes: graph.nodes.map((node) =>
      node.type === "classify"
        ? { ...node, config: { ...node.config, model: { kind: "embedded", modelId } } }
        : node,
    ),
  };
}
