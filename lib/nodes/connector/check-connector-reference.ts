import type { CheckIssue } from "../../engine/node-definition";
import type { ConnectorCatalog } from "../../engine/validate/connector-catalog";

/**
 * An integration must be defined — its failure behaviour decided — before a workflow may use it: the
 * connector must exist, offer the operation with the same kind, and have a complete integration profile.
 */
export function checkConnectorReference(
  reference: { connectorId: string; operation: string; kind: "read" | "write" },
  catalog: ConnectorCatalog | undefined,
): CheckIssue[] {
  if (!catalog) return [];
  const connector = catalog.get(reference.connectorId);
  if (!connector) {
    const known = [...catalog.keys()];
    return [
      {
        code: "unknown_connector",
        message: `there is no connector "${reference.connectorId}"${known.length ? ` (connectors: ${known.join(", ")})` : ""}; an admin creates it under /admin/connectors`,
      },
    ];
  }
  const issues: CheckIssue[] = [];
  const operation = connector.operations.find((o) => o.name === reference.operation);
  if (!operation) {
    issues.push({
      code: "unknown_operation",
      message: `connector "${connector.name}" has no operation "${reference.operation}" (operations: ${connector.operations.map((o) => o.name).join(", ") || "none"})`,
    });
  } else if (operation.kind !== reference.kind) {
    issues.push({
      code: "operation_kind_mismatch",
      message: `"${reference.operation}" is a ${operation.kind} operation of "${connector.name}", but the node calls it as a ${reference.kind}; set kind to "${operation.kind}"`,
    });
  }
  if (!connector.profileComplete) {
    issues.push({
      code: "incomplete_integration_profile",
      message: `the integration profile of "${connector.name}" is incomplete (${connector.missing.join("; ")}); complete it at ${connector.profilePath}`,
    });
  }
  return issues;
}
