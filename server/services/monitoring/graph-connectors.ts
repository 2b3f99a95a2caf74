import { eq } from "drizzle-orm";
import type { ConnectorProfileLatency } from "@/lib/monitoring/connector-health";
import type { Db } from "../../db/client";
import { connectors, workflowVersions } from "../../db/schema";

/**
 * Which connector each connector node of any version of the workflow calls (node ids are stable across
 * versions), and each connector's promised latency from its integration profile.
 */
export async function connectorContext(db: Db, workflowId: string) {
  const versions = await db
    .select({ graph: workflowVersions.graph })
    .from(workflowVersions)
    .where(eq(workflowVersions.workflowId, workflowId));
  const connectorOf = new Map<string, string>();
  for (const { graph } of versions) {
    for (const node of graph.nodes) {
      const connectorId = node.config.connectorId;
      if (node.type === "connector" && typeof connectorId === "string") connectorOf.set(node.id, connectorId);
    }
  }
  const rows = await db
    .select({ id: connectors.id, name: connectors.name, profile: connectors.profile })
    .from(connectors);
  const profiles = new Map<string, ConnectorProfileLatency>();
  const names = new Map<string, string>();
  for (const row of rows) {
    names.set(row.id, row.name);
    if (row.profile.latency) profiles.set(row.id, row.profile.latency);
  }
  return { connectorOf, profiles, names };
}
