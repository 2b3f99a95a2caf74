import { describe, expect, it } from "vitest";
import { serializeEmbeddedModel } from "../serialize-embedded-model";
import { trainEmbeddedModel } from "../train-embedded-model";
import { syntheticCases } from "./synthetic-cases";

describe("determinism", () => {
  const cases = syntheticCases({ count: 200, seed: 21, labelNoise: 0.2 });
  const train = (seed: number) =>
    serializeEmbeddedModel(
      trainEmbeddedModel({ cases, training: { seed, heldOutSlice: "stratified-random" } }),
    );

  it("gives the same model for the same cases and seed", () => {
    expect(train(7)).toEqual(train(7));
  });

  it("gives a different model for another seed (the seed is really used)", () => {
    expect(train(8).weights.values).not.toEqual(train(7).weights.values);
  });
});
