import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import type { HistoricalTicket } from "@/lib/demo/history/generate-tickets";
import { shadowPorts } from "@/lib/engine/modes/shadow-ports";
import { routeModels } from "@/lib/engine/models/route-models";
import type { ConnectorGateway } from "@/lib/engine/ports";
import { runItem } from "@/lib/engine/run/run-item";
import type { Db } from "../../db/client";
import { items, workflowVersions, type ItemLabel, type ItemMode } from "../../db/schema";
import { compiledVersion } from "../runs/compiled-versions";

/** The demo CRM answering as it did in history (an ordinary customer), so critical tickets do not escalate. */
export const crmAnswers: ConnectorGateway = {
  call: () => ({ status: "ok", data: { vip: false, plan: "pro" } }),
};

/** The truth the human process reports for a ticket; escalations to compliance have no route to report. */
export function reportedLabel(ticket: HistoricalTicket): ItemLabel | null {
  const { actual } = ticket;
  if (actual.type === "route")
    return { type: "route", label: actual.label, team: actual.team ?? actual.label };
  if (actual.type === "resolve") return { type: "resolve", label: actual.label, resolution: actual.label };
  return null;
}

/**
 * Stores one item as the ingest and the workers leave it: run through the given version with no side effects
 * and kept with its outcome and trace, in the given mode, with the truth reported when one is given. (The
 * ingest routes items to a version by stage; `processItem` only knows the published version.)
 */
export async function storeRun(
  db: Db,
  input: {
    workflowId: string;
    versionId: string;
    mode: ItemMode;
    payload: Record<string, unknown>;
    label?: ItemLabel | null;
    receivedAt?: Date;
    /** Who answers the reads (default: the demo CRM as history knew it). */
    connectors?: ConnectorGateway;
  },
) {
  const [version] = await db
    .select({ graph: workflowVersions.graph })
    .from(workflowVersions)
    .where(eq(workflowVersions.id, input.versionId));
  const compiled = compiledVersion({ id: input.versionId, graph: version!.graph });
  const id = crypto.randomUUID();
  const clock = { now: () => Date.now(), monotonic: () => performance.now() };
  const result = await runItem(compiled, input.payload, {
    ports: shadowPorts({ clock, models: routeModels(), connectors: input.connectors ?? crmAnswers }),
    trace: true,
    runKey: `${input.mode}:${id}`,
  });
  await db.insert(items).values({
    id,
    workflowId: input.workflowId,
    versionId: input.versionId,
    externalId: String(input.payload[compiled.itemShape.idField]),
    payload: input.payload,
    mode: input.mode,
    status: result.outcome.type === "escalate" && input.mode === "live" ? "awaiting_review" : "completed",
    outcome: result.outcome,
    trace: result.trace ?? null,
    receivedAt: input.receivedAt ?? new Date(),
    // A stored run took about a second after it arrived.
    processedAt: input.receivedAt ? new Date(input.receivedAt.getTime() + 900) : new Date(),
    ...(input.label ? { label: input.label, labelSource: "reported" as const, labeledAt: new Date() } : {}),
  });
  return { id, outcome: result.outcome };
}
