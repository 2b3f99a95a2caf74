import { HashLookupTable } from "./hash-lookup-table";

/** The columns a model knows: which hashed ids, their IDF weights, and the id → column table. */
export interface FeatureSpace {
  /** Ascending hashed feature ids; column i is columnIds[i]. */
  columnIds: Uint32Array;
  idf: Float32Array;
  lookup: HashLookupTable;
}

/** Distinct ids of one block of one case, with their counts. */
export interface CountedIds {
  ids: Uint32Array;
  counts: Float32Array;
  distinct: number;
}

export function createFeatureSpace(columnIds: Uint32Array, idf: Float32Array): FeatureSpace {
  if (columnIds.length !== idf.length) throw new Error("feature space: ids and idf differ in length");
  return { columnIds, idf, lookup: new HashLookupTable(columnIds) };
}
