import { collectWordAndFieldHashes, createFeatureBags, pushCharNgrams } from "./collect-feature-hashes";
import type { FeatureConfig } from "./feature-config";
import type { FeatureSpace } from "./feature-space";
import { HashBag } from "./hash-bag";
import type { ModelInput } from "./model-input";
import type { SparseVector } from "./sparse-vector";
import { appendIdBlock, weighBlock } from "./vectorize-blocks";

/** Distinct words kept; past this the cache starts over (a pasted log must not grow it without bound). */
const MAX_CACHED_WORDS = 50_000;
/** Cached n-gram entries kept (4 MB of columns and as much of counts), likewise. */
const MAX_ARENA_ENTRIES = 1 << 20;

/**
 * Featurises cases into a fitted space for prediction: the same vector, value for value and in the same
 * order, as collectFeatureHashes then vectorizeBlocks, but each distinct word's character n-grams are
 * hashed and looked up once and kept. Words repeat from case to case far more than they vary, and those
 * n-grams were most of the cost of a prediction.
 */
export function createCaseVectorizer(
  space: FeatureSpace,
  config: FeatureConfig,
  limits: { words: number; entries: number } = { words: MAX_CACHED_WORDS, entries: MAX_ARENA_ENTRIES },
): (input: ModelInput, out: SparseVector) => void {
  const bags = createFeatureBags();
  const wordBag = new HashBag();
  // word → where its entry starts in the arena: [n, column × n] in `columns`, the counts beside them in
  // `counts`. One arena rather than two arrays a word: most words of a long technical text are new ones.
  const cache = new Map<string, number>();
  let columns = new Int32Array(256);
  let counts = new Float32Array(256);
  let used = 0;
  const columnCount = space.columnIds.length;
  // Where each column sits in the case being built, valid while its stamp is the case's.
  const stamp = new Uint32Array(columnCount);
  const position = new Int32Array(columnCount);
  let caseStamp = 0;

  /** The arena offset of the word's entry; valid until the next call (which may start the cache over). */
  function entryOf(word: string, minN: number, maxN: number): number {
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    pushCharNgrams(wordBag, word, minN, maxN);
    wordBag.close();
    if (cache.size >= limits.words || used + wordBag.distinct + 1 > limits.entries) {
      cache.clear();
      used = 0;
    }
    if (used + wordBag.distinct + 1 > columns.length) {
      let capacity = columns.length * 2;
      while (capacity < used + wordBag.distinct + 1) capacity *= 2;
      const grownColumns = new Int32Array(capacity);
      const grownCounts = new Float32Array(capacity);
      grownColumns.set(columns.subarray(0, used));
      grownCounts.set(counts.subarray(0, used));
      columns = grownColumns;
      counts = grownCounts;
    }
    const start = used;
    let known = 0;
    for (let i = 0; i < wordBag.distinct; i++) {
      const column = space.lookup.get(wordBag.ids[i]!);
      if (column < 0) continue;
      known++;
      columns[start + known] = column;
      counts[start + known] = wordBag.counts[i]!;
    }
    columns[start] = known;
    used = start + known + 1;
    cache.set(word, start);
    return start;
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
        const entry = entryOf(word, minN, maxN);
        const end = entry + columns[entry]!;
        for (let j = entry + 1; j <= end; j++) {
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
