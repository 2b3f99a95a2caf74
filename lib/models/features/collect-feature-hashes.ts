import type { FeatureConfig } from "./feature-config";
import { fieldValueKey } from "./field-value-key";
import { HashBag } from "./hash-bag";
import { finalizeHash, fnvStep, fnvString, NAMESPACE } from "./hash";
import type { ModelInput } from "./model-input";
import { normalizeText } from "../text/normalize-text";
import { tokenizeWords } from "../text/tokenize-words";

export interface FeatureBags {
  words: HashBag;
  chars: HashBag;
  fields: HashBag;
}

export function createFeatureBags(): FeatureBags {
  return { words: new HashBag(), chars: new HashBag(), fields: new HashBag() };
}

const SPACE = 32;
const padded = new Int32Array(2048);

/**
 * Character n-grams of `" word "` (padded, as scikit-learn's char_wb), hashed
 * incrementally from each start position: no substring is ever built.
 */
export function pushCharNgrams(bag: HashBag, word: string, minN: number, maxN: number): void {
  const length = Math.min(word.length + 2, padded.length);
  padded[0] = SPACE;
  for (let i = 1; i < length - 1; i++) padded[i] = word.charCodeAt(i - 1);
  padded[length - 1] = SPACE;
  for (let start = 0; start < length; start++) {
    let h: number = NAMESPACE.char;
    const last = Math.min(maxN, length - start);
    for (let n = 1; n <= last; n++) {
      h = Math.imul(h ^ padded[start + n - 1]!, 0x01000193);
      if (n >= minN) bag.push(finalizeHash(h >>> 0));
    }
  }
}

function pushWordNgrams(bag: HashBag, words: readonly string[], ngrams: number, namespace: number): void {
  const wordHashes = words.map((w) => fnvString(namespace, w));
  for (let i = 0; i < wordHashes.length; i++) {
    bag.push(finalizeHash(wordHashes[i]!));
    if (ngrams >= 2 && i > 0)
      bag.push(finalizeHash(Math.imul(wordHashes[i - 1]! ^ NAMESPACE.bigram, 0x9e3779b1) ^ wordHashes[i]!));
    if (ngrams >= 3 && i > 1) {
      const pair = Math.imul(wordHashes[i - 2]! ^ NAMESPACE.bigram, 0x9e3779b1) ^ wordHashes[i - 1]!;
      bag.push(finalizeHash(Math.imul(pair, 0x85ebca6b) ^ wordHashes[i]!));
    }
  }
}

/** Pushes the text's word n-grams and answers its words (their character n-grams make the chars block). */
function pushTextWords(bags: FeatureBags, text: string, config: FeatureConfig): readonly string[] {
  const normalized = normalizeText(text, config.maxTextChars, {
    collapseCode: config.codeBlocks === "collapse",
  });
  const words = tokenizeWords(normalized, config.maxTextChars);
  if (config.wordNgrams > 0) pushWordNgrams(bags.words, words, config.wordNgrams, NAMESPACE.word);
  return words;
}

function fieldHash(namespace: number, name: string, key: string): number {
  return finalizeHash(fnvString(fnvStep(fnvString(namespace, name), 0), key));
}

function pushFieldFeatures(bag: HashBag, input: ModelInput, config: FeatureConfig): void {
  const fields = input.fields;
  if (!fields) return;
  for (const name of Object.keys(fields)) {
    if (!config.textFields.includes(name))
      bag.push(fieldHash(NAMESPACE.field, name, fieldValueKey(fields[name])));
  }
  for (const cross of config.fieldCrosses) {
    bag.push(
      fieldHash(
        NAMESPACE.cross,
        cross.join("\u0001"),
        cross.map((name) => fieldValueKey(fields[name])).join("\u0001"),
      ),
    );
  }
}

/** Pushes a case's word and field features (the bags stay open) and answers the text's words. */
function pushWordAndFieldFeatures(
  bags: FeatureBags,
  input: ModelInput,
  config: FeatureConfig,
): readonly string[] {
  const words = input.text ? pushTextWords(bags, input.text, config) : [];
  for (const name of config.textFields) {
    const value = input.fields?.[name];
    if (typeof value !== "string" || value === "") continue;
    const fieldWords = tokenizeWords(normalizeText(value, config.maxTextChars), config.maxTextChars);
    pushWordNgrams(bags.words, fieldWords, Math.max(1, config.wordNgrams), fnvString(NAMESPACE.field, name));
  }
  pushFieldFeatures(bags.fields, input, config);
  return words;
}

/** Hashes one case's features into the three bags and closes them (deduplicated, counted). */
export function collectFeatureHashes(bags: FeatureBags, input: ModelInput, config: FeatureConfig): void {
  const words = pushWordAndFieldFeatures(bags, input, config);
  if (config.charNgrams) {
    const [minN, maxN] = config.charNgrams;
    for (const word of words) pushCharNgrams(bags.chars, word, minN, maxN);
  }
  bags.words.close();
  bags.chars.close();
  bags.fields.close();
}

/**
 * Closes a case's word and field bags and answers the text's words without hashing their character n-grams:
 * for a featuriser that takes those word by word (see case-vectorizer.ts). The chars bag is left untouched.
 */
export function collectWordAndFieldHashes(
  bags: FeatureBags,
  input: ModelInput,
  config: FeatureConfig,
): readonly string[] {
  const words = pushWordAndFieldFeatures(bags, input, config);
  bags.words.close();
  bags.fields.close();
  return words;
}
