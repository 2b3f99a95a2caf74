import type { FeatureConfig } from "./feature-config";
import type { CountedIds, FeatureSpace } from "./feature-space";
import type { SparseVector } from "./sparse-vector";

/**
 * Writes one case into `out`: per block, TF (sublinear if configured) × IDF over the
 * known columns only, L2-normalised, times the block weight. Unknown ids are
 * dropped before normalising, as a fitted vocabulary would.
 */
export function vectorizeBlocks(
  space: FeatureSpace,
  blocks: readonly [words: CountedIds, chars: CountedIds, fields: CountedIds],
  config: FeatureConfig,
  out: SparseVector,
): void {
  out.clear();
  const weights = [config.blockWeights.words, config.blockWeights.chars, config.blockWeights.fields];
  for (let b = 0; b < 3; b++) {
    const block = blocks[b]!;
    const weight = weights[b]!;
    if (weight === 0 || block.distinct === 0) continue;
    const start = out.length;
    let squares = 0;
    for (let i = 0; i < block.distinct; i++) {
      const column = space.lookup.get(block.ids[i]!);
      if (column < 0) continue;
      const count = block.counts[i]!;
      const tf = count === 1 ? 1 : config.sublinearTf ? 1 + Math.log(count) : count;
      const value = tf * space.idf[column]!;
      out.push(column, value);
      squares += value * value;
    }
    if (squares === 0) continue;
    const scale = weight / Math.sqrt(squares);
    for (let i = start; i < out.length; i++) out.values[i]! *= scale;
  }
}
