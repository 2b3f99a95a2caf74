/** What hostile-world.ts planted, as the sweep reads it (written beside the sweep's data directory). */
export interface HostileManifest {
  /** The workflow whose live items, tasks, backtest and monitoring carry the corpus. */
  hostileWorkflowId: string;
  /** A workflow whose draft has one node per payload slice (canvas, config panel, validation list). */
  galleryWorkflowId: string;
  /** The demo workflow (in shadow): the sweep sends it items over the ingest API with this key. */
  demoWorkflowId: string;
  apiKey: string;
  backtestRunId: string;
  datasetId: string;
  /** Where each payload was planted by the seed (the sweep adds the HTTP places). */
  placements: Record<string, string[]>;
  /** How many payloads one text bundles (item bodies, explanations and API items carry several). */
  bundle: number;
}

/** The connectors planted with payload names, descriptions and profiles. */
export const HOSTILE_CONNECTOR_IDS = Array.from({ length: 12 }, (_, i) => `hostile-${i}`);
