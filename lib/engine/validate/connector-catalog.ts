/**
 * What validation may know about the connectors that exist, handed in by the caller (the server reads them
 * from the database; the CLI and the browser may pass none, and then connector references go unchecked).
 */
export interface ConnectorCatalogEntry {
  name: string;
  /** Whether every question of the integration profile is answered. */
  profileComplete: boolean;
  /** The questions still open, in plain words. */
  missing: readonly string[];
  /** Where an admin completes the profile, e.g. `/admin/connectors/crm`. */
  profilePath: string;
  operations: readonly { name: string; kind: "read" | "write" }[];
}

export type ConnectorCatalog = ReadonlyMap<string, ConnectorCatalogEntry>;

export interface ValidationOptions {
  connectors?: ConnectorCatalog;
}
