import type { ConnectorCatalog } from "@/lib/engine/validate/connector-catalog";
import { validateGraph } from "@/lib/engine/validate/validate-graph";
import { nodeRegistry } from "@/lib/nodes/registry";
import type { Db } from "../../db/client";
import { listConnectors } from "../connectors/manage-connectors";

/** The connectors that exist, as validation needs them: operations and profile completeness. */
export async function connectorCatalog(db: Db): Promise<ConnectorCatalog> {
  const connectors = await listConnectors(db);
  return new Map(
    connectors.map((c) => [
      c.id,
      {
        name: c.name,
        profileComplete: c.completeness.complete,
        missing: c.completeness.missing,
        profilePath: c.profilePath,
        operations: c.operations.map((o) => ({ name: o.name, kind: o.kind })),
      },
    ]),
  );
}

/** Server-side validation: the engine's checks plus the connectors' integration profiles. */
export async function validateWorkflowGraph(db: Db, graph: unknown) {
  return validateGraph(graph, nodeRegistry, { connectors: await connectorCatalog(db) });
}
