import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../random/mulberry32";
import { deserializeEmbeddedModel } from "../deserialize-embedded-model";
import { createPredictor } from "../predict";
import { serializeEmbeddedModel } from "../serialize-embedded-model";
import { trainEmbeddedModel } from "../train-embedded-model";
import { syntheticCases } from "./synthetic-cases";

describe("serialise → deserialise", () => {
  const cases = syntheticCases({ count: 240, seed: 5, labelNoise: 0.1 });
  const model = trainEmbeddedModel({ cases, features: { fieldCrosses: [["channel", "missing"]] } });

  it("survives JSON and predicts identically", () => {
    const restored = deserializeEmbeddedModel(JSON.parse(JSON.stringify(serializeEmbeddedModel(model))));
    const original = createPredictor(model);
    const reloaded = createPredictor(restored);
    const probes = [
      ...syntheticCases({ count: 60, seed: 99 }),
      { text: "never seen words zzz", fields: { channel: "fax" } },
      {},
    ];
    for (const probe of probes) expect(reloaded(probe)).toEqual(original(probe));
    expect(restored.temperature).toBe(model.temperature);
    expect(restored.heldOut).toEqual(model.heldOut);
    expect(restored.training).toEqual(model.training);
  });

  it("reads a model stored before code-block collapsing, recency weights and calibration folds existed", () => {
    const old = trainEmbeddedModel({ cases, features: { codeBlocks: "keep" } });
    const stored = JSON.parse(JSON.stringify(serializeEmbeddedModel(old)));
    delete stored.featureConfig.codeBlocks;
    delete stored.training.recencyHalfLifeDays;
    delete stored.training.calibrationFolds;
    const restored = deserializeEmbeddedModel(stored);
    expect(restored.featureConfig.codeBlocks).toBe("keep");
    expect(restored.training.recencyHalfLifeDays).toBeNull();
    expect(restored.training.calibrationFolds).toBe(1);
    // The code inside the fence still counts, as it did when the model was trained.
    const probe = { text: "```\nrefund invoice charge\n``` help" };
    expect(createPredictor(restored)(probe)).toEqual(createPredictor(old)(probe));
    expect(createPredictor(restored)(probe).scores).not.toEqual(
      createPredictor(restored)({ text: "``` ``` help" }).scores,
    );
  });

  it("refuses a stored object of another shape", () => {
    const stored = serializeEmbeddedModel(model);
    expect(() => deserializeEmbeddedModel({ ...stored, version: 2 })).toThrow();
    expect(() => deserializeEmbeddedModel({ ...stored, bias: [0] })).toThrow(/bias/);
    expect(() => deserializeEmbeddedModel({ ...stored, columnIds: "AAAAAA==" })).toThrow(/columns/);
    expect(() => deserializeEmbeddedModel({ ...stored, idf: "AAA" })).toThrow(/base64/);
  });

  it("keeps a 77-label model over tens of thousands of hashed features within a few MB", () => {
    const random = mulberry32(3);
    const vocabulary = Array.from({ length: 4000 }, (_, i) => `w${i.toString(36)}x${(i * 7919) % 997}`);
    const many = Array.from({ length: 77 * 20 }, (_, i) => ({
      text: Array.from({ length: 12 }, () => vocabulary[Math.floor(random() * vocabulary.length)]!).join(" "),
      label: `intent_${i % 77}`,
    }));
    const big = trainEmbeddedModel({
      cases: many,
      features: { minDocumentFrequency: 1 },
      training: { epochs: 1, heldOutFraction: 0 },
    });
    // More distinct features exist than the weight budget allows: the budget decides.
    expect(big.space.columnIds.length).toBe(Math.floor(3_000_000 / 77));
    const bytes = JSON.stringify(serializeEmbeddedModel(big)).length;
    // int8 weights are ~1.33 bytes per label-feature pair after base64; ids, IDF and scales add ~0.6 MB.
    expect(bytes).toBeLessThan(5e6);
  });
});
