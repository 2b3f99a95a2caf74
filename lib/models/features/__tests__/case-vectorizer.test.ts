import { describe, expect, it } from "vitest";
import { syntheticCases } from "../../embedded/__tests__/synthetic-cases";
import { buildFeatureSpace } from "../build-feature-space";
import { createCaseVectorizer } from "../case-vectorizer";
import { collectFeatureHashes, createFeatureBags } from "../collect-feature-hashes";
import { resolveFeatureConfig, type FeatureConfig } from "../feature-config";
import type { CountedIds } from "../feature-space";
import type { ModelInput } from "../model-input";
import { SparseVector } from "../sparse-vector";
import { vectorizeBlocks } from "../vectorize-blocks";

const copy = (block: CountedIds): CountedIds => ({
  ids: block.ids.slice(0, block.distinct),
  counts: block.counts.slice(0, block.distinct),
  distinct: block.distinct,
});

function spaceFor(inputs: readonly ModelInput[], config: FeatureConfig) {
  const bags = createFeatureBags();
  const blocks = inputs.map((input) => {
    collectFeatureHashes(bags, input, config);
    return [copy(bags.words), copy(bags.chars), copy(bags.fields)];
  });
  return buildFeatureSpace(blocks, 2, 5000);
}

/** A vector's (column, value) entries, as plain arrays to compare. */
const entriesOf = (out: SparseVector) => ({
  columns: [...out.columns.subarray(0, out.length)],
  values: [...out.values.subarray(0, out.length)],
});

/** The reference path: every n-gram hashed and looked up, case by case. */
function reference(input: ModelInput, config: FeatureConfig, space: ReturnType<typeof spaceFor>) {
  const bags = createFeatureBags();
  const out = new SparseVector();
  collectFeatureHashes(bags, input, config);
  vectorizeBlocks(space, [bags.words, bags.chars, bags.fields], config, out);
  return entriesOf(out);
}

const cases: ModelInput[] = [
  ...syntheticCases({ count: 300, seed: 5 }).map((c) => ({ text: c.text, fields: c.fields })),
  { text: "refund refund refund, the refund of my refund" },
  { text: "zzzunseen qqqnever words only" },
  { text: "" },
  { text: `a ${"x".repeat(3000)} word longer than the n-gram buffer` },
  {
    text: "code:\n```\nconst refund = charge(card)\n```\nstill broken",
    fields: { tier: "pro", title: "Refund broken" },
  },
  { fields: { tier: "free" } },
];

describe("createCaseVectorizer", () => {
  const configs: Array<[string, Partial<FeatureConfig>]> = [
    ["the default features", {}],
    [
      "text fields, crosses and sublinear TF off",
      { textFields: ["title"], fieldCrosses: [["tier", "title"]], sublinearTf: false },
    ],
    ["weighted blocks", { blockWeights: { words: 0.5, chars: 2, fields: 0 } }],
    ["no character n-grams", { charNgrams: null }],
    ["n-grams of 1–3", { charNgrams: [1, 3] }],
  ];

  it.each(configs)(
    "gives the vector of the reference path, value for value and in order, with %s",
    (_, overrides) => {
      const config = resolveFeatureConfig(overrides);
      const space = spaceFor(cases, config);
      const vectorize = createCaseVectorizer(space, config);
      const out = new SparseVector();
      // Twice over: the second pass reads every word from the cache.
      for (const input of [...cases, ...cases]) {
        vectorize(input, out);
        const got = entriesOf(out);
        expect(got).toEqual(reference(input, config, space));
      }
    },
  );

  it("gives the same vectors when its cache starts over every few words", () => {
    const config = resolveFeatureConfig({});
    const space = spaceFor(cases, config);
    const vectorize = createCaseVectorizer(space, config, { words: 7, entries: 300 });
    const out = new SparseVector();
    for (const input of cases) {
      vectorize(input, out);
      expect(entriesOf(out)).toEqual(reference(input, config, space));
    }
  });

  it("counts a word's n-grams once per occurrence, across words sharing n-grams", () => {
    const config = resolveFeatureConfig({});
    const space = spaceFor([{ text: "card cards card" }, { text: "card cards card" }], config);
    const out = new SparseVector();
    createCaseVectorizer(space, config)({ text: "card cards card" }, out);
    expect(out.length).toBeGreaterThan(0);
    expect(entriesOf(out)).toEqual(reference({ text: "card cards card" }, config, space));
  });
});
