import { inArray } from "drizzle-orm";
import type { Graph } from "@/lib/engine/graph/graph-schema";
import type { ItemShape } from "@/lib/engine/node-definition";
import type { Db } from "../../db/client";
import { workflowVersions } from "../../db/schema";
import { shapeOf } from "../reviews/item-text";
import { cachedGraph, rememberGraph } from "../runs/compiled-versions";

/** Each version's item shape (its trigger's fields), reading from the database only graphs not yet cached. */
export async function itemShapesOf(db: Db, versionIds: (string | null)[]): Promise<Map<string, ItemShape>> {
  const wanted = [...new Set(versionIds.filter((id): id is string => id !== null))];
  const graphs = new Map<string, Graph>();
  const missing: string[] = [];
  for (const id of wanted) {
    const known = cachedGraph(id);
    if (known) graphs.set(id, known);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const loaded = await db
      .select({ id: workflowVersions.id, graph: workflowVersions.graph })
      .from(workflowVersions)
      .where(inArray(workflowVersions.id, missing));
    for (const row of loaded) graphs.set(row.id, rememberGraph(row.id, row.graph));
  }
  const shapes = new Map<string, ItemShape>();
  for (const [id, graph] of graphs) {
    const shape = shapeOf({ id, graph });
    if (shape) shapes.set(id, shape);
  }
  return shapes;
}

/** Each version's text field, for titles. */
export async function textFieldsOf(db: Db, versionIds: (string | null)[]): Promise<Map<string, string>> {
  const shapes = await itemShapesOf(db, versionIds);
  return new Map([...shapes].map(([id, shape]) => [id, shape.textField]));
}
