import { createFeatureSpace, type CountedIds, type FeatureSpace } from "./feature-space";

/**
 * Chooses the columns from training cases: ids seen in at least `minDocumentFrequency`
 * cases, the `maxFeatures` most frequent of them, with smoothed IDF as scikit-learn
 * computes it (ln((1 + n) / (1 + df)) + 1), so reference figures compare.
 */
export function buildFeatureSpace(
  cases: ReadonlyArray<ReadonlyArray<CountedIds>>,
  minDocumentFrequency: number,
  maxFeatures: number,
): FeatureSpace {
  const documentFrequency = new Map<number, number>();
  for (const blocks of cases) {
    for (const block of blocks) {
      for (let i = 0; i < block.distinct; i++) {
        const id = block.ids[i]!;
        documentFrequency.set(id, (documentFrequency.get(id) ?? 0) + 1);
      }
    }
  }
  const kept: Array<[id: number, df: number]> = [];
  for (const entry of documentFrequency) if (entry[1] >= minDocumentFrequency) kept.push(entry);
  // Most frequent first; ties by id so the choice never depends on Map order.
  kept.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const chosen = kept.slice(0, maxFeatures).sort((a, b) => a[0] - b[0]);
  const columnIds = new Uint32Array(chosen.length);
  const idf = new Float32Array(chosen.length);
  chosen.forEach(([id, df], column) => {
    columnIds[column] = id;
    idf[column] = Math.log((1 + cases.length) / (1 + df)) + 1;
  });
  return createFeatureSpace(columnIds, idf);
}
