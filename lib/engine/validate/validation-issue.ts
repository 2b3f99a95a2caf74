export type ValidationCode =
  | "schema"
  | "duplicate_node_id"
  | "duplicate_edge_id"
  | "unknown_node_type"
  | "invalid_config"
  | "missing_trigger"
  | "multiple_triggers"
  | "edge_unknown_source"
  | "edge_unknown_target"
  | "edge_unknown_handle"
  | "edge_duplicate_handle"
  | "edge_into_trigger"
  | "edge_from_terminal"
  | "edge_never_taken"
  | "cycle"
  | "unreachable"
  | "unconnected_handle"
  | "unknown_escalate_handle"
  | "dead_end"
  | (string & {});

export interface GraphValidationIssue {
  nodeId?: string;
  edgeId?: string;
  code: ValidationCode;
  /** Plain words: what is wrong and what to do. */
  message: string;
}

export interface GraphValidationResult {
  ok: boolean;
  errors: GraphValidationIssue[];
}

/** The prefix every node-specific message starts with. */
export function nodeLabel(node: { id: string; type: string; name?: string }): string {
  return `Node "${node.id}" (${node.name ? `${node.name}, ` : ""}${node.type})`;
}
