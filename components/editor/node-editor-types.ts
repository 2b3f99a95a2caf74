import type { LucideIcon } from "lucide-react";
import type { ComponentType } from "react";
import type { ItemFieldInfo } from "@/lib/engine/node-definition";
import type { ThresholdInForce } from "@/lib/engine/run/outcome";

/** A connector an owner may pick (from `connectors.list`): what the connector node's form offers. */
export interface ConnectorOption {
  id: string;
  name: string;
  complete: boolean;
  missing: readonly string[];
  operations: readonly {
    name: string;
    description: string;
    kind: "read" | "write";
    inputs: readonly string[];
  }[];
}

/** Zod issues of the node's config, keyed by path joined with "." ("labels.2", "model.keywords"). */
export type FieldIssues = ReadonlyMap<string, string[]>;

/** What a config form may know about the rest of the graph. */
export interface EditorFormContext {
  /** The trigger's fields (empty until the trigger is valid). */
  itemFields: readonly ItemFieldInfo[];
  textField: string | undefined;
  /** Ids of the other nodes, for expressions and templates (`nodes.<id>`). */
  nodeIds: readonly string[];
  readOnly: boolean;
  /** The threshold in force for this node when an admin overrode the graph's (see thresholds.ts). */
  thresholdOverride: (ThresholdInForce & { setBy?: string | null; reason?: string }) | undefined;
  /** The workflow being edited (LLM nodes calibrate on its backtests); absent outside an editor. */
  workflowId?: string;
  /** The workspace's connectors; undefined while unknown (the form then takes ids as text). */
  connectors: readonly ConnectorOption[] | undefined;
}

export interface ConfigFormProps<Config> {
  nodeId: string;
  /** As stored: normally valid, but mid-edit or after an import it may not be; forms read defensively. */
  config: Config;
  /** `field` names the edited field so a burst of typing becomes one undo step. */
  onChange(next: Config, field?: string): void;
  issues: FieldIssues;
  context: EditorFormContext;
}

export interface NodeBodyProps<Config> {
  config: Config;
  summary: string;
}

/** The editor half of a node type, exported by lib/nodes/<type>/editor.tsx. */
export interface NodeEditorModule<Config> {
  icon: LucideIcon;
  ConfigForm: ComponentType<ConfigFormProps<Config>>;
  /** A richer canvas body than the one-line summary. */
  Body?: ComponentType<NodeBodyProps<Config>>;
}
