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
  for (let b = 0; b < 3; b++) appendIdBlock(space, blocks[b]!, config, weights[b]!, out);
}

/** Appends one block given as hashed ids with counts (ids the space lacks are skipped). */
export function appendIdBlock(
  space: FeatureSpace,
  block: CountedIds,
  config: FeatureConfig,
  weight: number,
  out: SparseVector,
): void {
  if (weight === 0 || block.distinct === 0) return;
  const start = out.length;
  for (let i = 0; i < block.distinct; i++) {
    const column = space.lookup.get(block.ids[i]!);
    // The count goes in as the value; weighBlock turns it into TF × IDF.
    if (column >= 0) out.push(column, block.counts[i]!);
  }
  weighBlock(space, config, weight, out, start);
}

/**
 * Turns the entries of `out` from `start` on, pushed as (column, count), into the block's
 * TF × IDF values, L2-normalised and times the block weight.
 */
export function weighBlock(
  space: FeatureSpace,
  config: FeatureConfig,
  weight: number,
  out: SparseVector,
  start: number,
): void {
  if (weight === 0) {
    out.length = start;
    return;
  }
  const { columns, values } = out;
  let squares = 0;
  for (let i = start; i < out.length; i++) {
    const count = values[i]!;
    const tf = count === 1 ? 1 : config.sublinearTf ? 1 + Math.log(count) : count;
    const value = tf * space.idf[columns[i]!]!;
    values[i] = value;
    squares += value * value;
  }
  if (squares === 0) return;
  const scale = weight / Math.sqrt(squares);
  for (let i = start; i < out.length; i++) values[i]! *= scale;
}
