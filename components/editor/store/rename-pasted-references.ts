import type { GraphNode } from "@/lib/engine/graph/graph-schema";
import { renameNodeReferences } from "@/lib/engine/expression/rename-node-references";
import { nodeRegistry, type NodeRegistry } from "@/lib/nodes/registry";

/**
 * The pasted node's config with its expressions pointing at the pasted copies: `renames` holds only the
 * pasted nodes whose id changed, so references to nodes outside the pasted set are left as they are.
 * A config its node type does not accept is kept verbatim (the problems panel reports it), since its
 * expressions cannot be found reliably.
 */
export function renamePastedReferences(
  node: GraphNode,
  renames: ReadonlyMap<string, string>,
  registry: NodeRegistry = nodeRegistry,
): GraphNode["config"] {
  const definition = registry.get(node.type);
  if (renames.size === 0 || !definition?.mapExpressions) return node.config;
  const parsed = definition.configSchema.safeParse(node.config);
  if (!parsed.success) return node.config;
  let changed = false;
  const mapped = definition.mapExpressions(parsed.data, (source) => {
    const renamed = renameNodeReferences(source, renames);
    if (renamed !== source) changed = true;
    return renamed;
  });
  // Untouched configs stay byte-for-byte as copied (parsing would fill in defaults).
  return changed ? (mapped as GraphNode["config"]) : node.config;
}
