import type { CompiledGraph } from "@/lib/engine/compile/compile-graph";
import type { Graph } from "@/lib/engine/graph/graph-schema";
import { compiledVersion } from "../runs/compiled-versions";

export interface ItemView {
  /** The item's main text (its trigger's text field), shown as text, never as HTML. */
  text: string;
  textField: string;
  /** The other fields, in the trigger's order, as strings. */
  fields: { name: string; value: string }[];
}

export function shapeOf(version: { id: string; graph: Graph } | null): CompiledGraph["itemShape"] | null {
  if (!version) return null;
  try {
    return compiledVersion(version).itemShape;
  } catch {
    return null;
  }
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Splits a payload into its text and its fields, following the trigger that admitted it. */
export function itemView(
  payload: Record<string, unknown>,
  shape: CompiledGraph["itemShape"] | null,
): ItemView {
  const textField = shape?.textField ?? (typeof payload.body === "string" ? "body" : "text");
  const order = shape ? shape.fields.map((f) => f.name) : Object.keys(payload);
  const rest = [...order, ...Object.keys(payload).filter((key) => !order.includes(key))];
  return {
    text: asText(payload[textField]),
    textField,
    fields: rest
      .filter((name) => name !== textField && name in payload)
      .map((name) => ({ name, value: asText(payload[name]) })),
  };
}

/** Everything worth comparing for similarity: the text plus the other free-text fields (subject, title). */
export function similarityText(
  payload: Record<string, unknown>,
  shape: CompiledGraph["itemShape"] | null,
): string {
  const textField = shape?.textField ?? "body";
  const skip = new Set([shape?.idField, shape?.occurredAtField].filter(Boolean));
  const parts = [asText(payload[textField])];
  for (const [key, value] of Object.entries(payload)) {
    if (
      key !== textField &&
      !skip.has(key) &&
      typeof value === "string" &&
      value.length > 12 &&
      !value.includes("@")
    )
      parts.push(value);
  }
  return parts.join(" ");
}
