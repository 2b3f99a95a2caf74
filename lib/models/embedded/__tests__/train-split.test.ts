import { describe, expect, it } from "vitest";
import { serializeEmbeddedModel } from "../serialize-embedded-model";
import {
  trainEmbeddedModel,
  trainEmbeddedModelSplit,
  type TrainEmbeddedModelOptions,
} from "../train-embedded-model";
import { syntheticCases } from "./synthetic-cases";

describe("trainEmbeddedModelSplit", () => {
  const cases = syntheticCases({ count: 400, seed: 3, labelNoise: 0.15 });
  const cutoff = cases[350]!.occurredAt!;

  it.each<[string, TrainEmbeddedModelOptions["training"]]>([
    ["the default settings", undefined],
    ["three calibration folds and recency weights", { calibrationFolds: 3, recencyHalfLifeDays: 30 }],
  ])("answers the model trainEmbeddedModel answers, with %s", async (_, training) => {
    const options = { cases, cutoff, training };
    const asked: TrainEmbeddedModelOptions[] = [];
    const split = await trainEmbeddedModelSplit(options, async (refit) => {
      asked.push(refit);
      return trainEmbeddedModel(refit);
    });
    expect(asked).toHaveLength(1);
    expect(asked[0]!.training?.heldOutFraction).toBe(0);
    expect(serializeEmbeddedModel(split)).toEqual(serializeEmbeddedModel(trainEmbeddedModel(options)));
  });

  it("trains in this thread alone when nothing is refitted", async () => {
    let asked = 0;
    const options = { cases, cutoff, training: { refitOnAll: false } };
    const split = await trainEmbeddedModelSplit(options, async (refit) => {
      asked++;
      return trainEmbeddedModel(refit);
    });
    expect(asked).toBe(0);
    expect(serializeEmbeddedModel(split)).toEqual(serializeEmbeddedModel(trainEmbeddedModel(options)));
  });

  it("fails as the refit fails", async () => {
    await expect(
      trainEmbeddedModelSplit({ cases, cutoff }, async () => {
        throw new Error("the thread died");
      }),
    ).rejects.toThrow("the thread died");
  });
});
