import type { ConnectorRecord } from "../../integrations/connector-schema";
import {
  connectorProfilePath,
  profileCompleteness,
  type ProfileCompleteness,
} from "../../integrations/profile";
import type { SecretStatus } from "../../secrets/secret-store";
import { templateInputNames } from "../../integrations/template";

/** What owners see when picking a connector in a node, and admins on the list: no URLs, no auth details. */
export interface ConnectorSummary {
  id: string;
  name: string;
  description: string;
  access: "api" | "human_only" | null;
  authMethod: ConnectorRecord["auth"]["method"];
  operations: {
    name: string;
    description: string;
    kind: "read" | "write";
    /** The `input.x` names the operation's templates read. */
    inputs: string[];
    outputs: string[];
  }[];
  completeness: ProfileCompleteness;
  /** Where an admin completes the profile; validation errors link here. */
  profilePath: string;
  updatedAt: Date;
}

export function summarizeConnector(
  connector: ConnectorRecord,
  secrets: Record<string, SecretStatus>,
): ConnectorSummary {
  return {
    id: connector.id,
    name: connector.name,
    description: connector.description,
    access: connector.profile.access ?? null,
    authMethod: connector.auth.method,
    operations: connector.operations.map((operation) => ({
      name: operation.name,
      description: operation.description,
      kind: operation.kind,
      inputs: templateInputNames(operation.path, operation.bodyTemplate),
      outputs: Object.keys(operation.responseMapping),
    })),
    completeness: profileCompleteness({ ...connector, secrets }),
    profilePath: connectorProfilePath(connector.id),
    updatedAt: connector.updatedAt,
  };
}
