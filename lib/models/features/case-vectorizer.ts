import { collectWordAndFieldHashes, createFeatureBags, pushCharNgrams } from "./collect-feature-hashes";
import type { FeatureConfig } from "./feature-config";
import type { FeatureSpace } from "./feature-space";
import { HashBag } from "./hash-bag";
import type { ModelInput } from "./model-input";
import type { SparseVector } from "./sparse-vector";
import { appendIdBlock, weighBlock } from "./vectorize-blocks";

/** One word's character n-grams in a fitted space: known columns in order of first appearance, with counts. */
interface WordColumns {
  columns: Int32Array;
  counts: Float32Array;
}

/** Distinct words kept; past this the cache starts over (a pasted log must not grow it without bound). */
const MAX_CACHED_WORDS = 50_000;

/**
 * Featurises cases into a fitted space for prediction: the same vector, value for value and in the same
 * order, as collectFeatureHashes then vectorizeBlocks, but each distinct word's character n-grams are
 * hashed and looked up once and kept. Words repeat from case to case far more than they vary, and those
 * n-grams were most of the cost of a prediction.
 */
export function createCaseVectorizer(
  space: FeatureSpace,
  config: FeatureConfig,
): (input: ModelInput, out: SparseVector) => void {
  const bags = createFeatureBags();
  const wordBag = new HashBag();
  const cache = new Map<string, WordColumns>();
  const columnCount = space.columnIds.length;
  // Where each column sits in the case being built, valid while its stamp is the case's.
  const stamp = new Uint32Array(columnCount);
  const position = new Int32Array(columnCount);
  let caseStamp = 0;

  function columnsOf(word: string, minN: number, maxN: number): WordColumns {
    const cached = cache.get(word);
    if (cached) return cached;
    pushCharNgrams(wordBag, word, minN, maxN);
    wordBag.close();
    const columns: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < wordBag.distinct; i++) {
      const column = space.lookup.get(wordBag.ids[i]!);
      if (column < 0) continue;
      columns.push(column);
      counts.push(wordBag.counts[i]!);
    }
    const entry = { columns: Int32Array.from(columns), counts: Float32Array.from(counts) };
    if (cache.size >= MAX_CACHED_WORDS) cache.clear();
    cache.set(word, entry);
    return entry;
  }

  return (input, out) => {
    const words = collectWordAndFieldHashes(bags, input, config);
    out.clear();
    appendIdBlock(space, bags.words, config, config.blockWeights.words, out);
    if (config.charNgrams && config.blockWeights.chars !== 0 && words.length > 0) {
      const [minN, maxN] = config.charNgrams;
      if (++caseStamp === 0xffffffff) {
        stamp.fill(0);
        caseStamp = 1;
      }
      const start = out.length;
      for (const word of words) {
        const { columns, counts } = columnsOf(word, minN, maxN);
        for (let j = 0; j < columns.length; j++) {
          const column = columns[j]!;
          if (stamp[column] === caseStamp) out.values[position[column]!]! += counts[j]!;
          else {
            stamp[column] = caseStamp;
            position[column] = out.length;
            out.push(column, counts[j]!);
          }
        }
      }
      weighBlock(space, config, config.blockWeights.chars, out, start);
    }
    appendIdBlock(space, bags.fields, config, config.blockWeights.fields, out);
  };
}
