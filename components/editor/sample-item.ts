import { nodeRegistry } from "@/lib/nodes/registry";
import type { EditorNode } from "./store/graph-types";

/** An item with every field the trigger declares, set to a placeholder of its type: a start for typing. */
export function sampleItem(nodes: readonly EditorNode[]): Record<string, unknown> {
  const trigger = nodes.find((n) => nodeRegistry.get(n.type ?? "")?.group === "trigger");
  const fields =
    (trigger?.data.config.fields as { name?: unknown; type?: unknown; values?: unknown }[] | undefined) ?? [];
  const sample: Record<string, unknown> = {};
  for (const f of Array.isArray(fields) ? fields : []) {
    if (typeof f?.name !== "string") continue;
    const values = Array.isArray(f.values) ? (f.values as unknown[]) : [];
    sample[f.name] =
      f.type === "number"
        ? 0
        : f.type === "boolean"
          ? false
          : f.type === "date"
            ? "2026-01-01T09:00:00Z"
            : f.type === "enum"
              ? (values[0] ?? "")
              : "";
  }
  return sample;
}
