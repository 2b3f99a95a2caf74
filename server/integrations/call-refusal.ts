import type { ConnectorRequest } from "@/lib/engine/ports";
import type { ConnectorRecord } from "./connector-schema";
import type { ProfileCompleteness } from "./profile";

/**
 * Why a call may not be made at all, before any traffic: a human-only system, an unknown operation, a write
 * called as a read (which would slip past the backtest/shadow rule that writes are never called), or a
 * profile still missing answers. Null when the call may go ahead.
 */
export function callRefusal(
  connector: ConnectorRecord,
  request: Pick<ConnectorRequest, "operation" | "kind">,
  completeness: ProfileCompleteness,
  options: { allowIncompleteProfile?: boolean } = {},
): string | null {
  if (connector.profile.access === "human_only")
    return `${connector.name} is human-only: a workflow cannot call it.`;
  const operation = connector.operations.find((candidate) => candidate.name === request.operation);
  if (!operation) return `${connector.name} has no operation named ${request.operation}.`;
  if (operation.kind !== request.kind) {
    return `${connector.name}.${operation.name} is a ${operation.kind}, but it was called as a ${request.kind}.`;
  }
  if (!options.allowIncompleteProfile && !completeness.complete) {
    return `${connector.name}'s integration profile is incomplete (missing: ${completeness.missing.join(", ")}).`;
  }
  return null;
}
