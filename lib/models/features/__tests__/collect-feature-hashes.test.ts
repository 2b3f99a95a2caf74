import { describe, expect, it } from "vitest";
import { collectFeatureHashes, createFeatureBags } from "../collect-feature-hashes";
import { resolveFeatureConfig } from "../feature-config";
import { fieldValueKey } from "../field-value-key";

const ids = (input: Parameters<typeof collectFeatureHashes>[1], overrides = {}) => {
  const bags = createFeatureBags();
  collectFeatureHashes(bags, input, resolveFeatureConfig(overrides));
  const read = (bag: (typeof bags)["words"]) => new Set(bag.ids.subarray(0, bag.distinct));
  return { words: read(bags.words), chars: read(bags.chars), fields: read(bags.fields) };
};

describe("collectFeatureHashes", () => {
  it("emits word uni+bigrams and padded char n-grams of 2–5", () => {
    const { words, chars } = ids({ text: "ab cd" });
    expect(words.size).toBe(3); // ab, cd, "ab cd"
    // " ab " has 3 + 2 + 1 n-grams of lengths 2, 3, 4; likewise " cd ".
    expect(chars.size).toBe(12);
  });

  it("keeps word order in bigrams and separates feature kinds", () => {
    const ab = ids({ text: "red car" }).words;
    const ba = ids({ text: "car red" }).words;
    expect([...ab].filter((id) => ba.has(id))).toHaveLength(2);
    const asField = ids({ fields: { red: "car" } }).fields;
    expect([...asField].some((id) => ab.has(id))).toBe(false);
  });

  it("hashes field name with value, adds crosses, and treats text fields as words", () => {
    const a = ids({ fields: { team: "x", site: "y" } }, { fieldCrosses: [["team", "site"]] });
    expect(a.fields.size).toBe(3);
    const swapped = ids({ fields: { team: "y", site: "x" } }).fields;
    expect([...swapped].some((id) => a.fields.has(id))).toBe(false);
    const titled = ids({ fields: { title: "crash on save", repo: "r" } }, { textFields: ["title"] });
    expect(titled.fields.size).toBe(1);
    expect(titled.words.size).toBe(5);
  });
});

describe("fieldValueKey", () => {
  it("marks missing values and buckets numbers by magnitude", () => {
    expect(fieldValueKey(null)).toBe(fieldValueKey(""));
    expect(fieldValueKey(3)).toBe(fieldValueKey(4));
    expect(fieldValueKey(3)).not.toBe(fieldValueKey(3000));
    expect(fieldValueKey(-3)).not.toBe(fieldValueKey(3));
    expect(fieldValueKey(true)).toBe("true");
  });
});
