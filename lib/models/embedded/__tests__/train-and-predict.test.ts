import { describe, expect, it } from "vitest";
import { classifyWithEmbeddedModel } from "../classify-with-embedded-model";
import { predict } from "../predict";
import { trainEmbeddedModel } from "../train-embedded-model";
import { syntheticCases } from "./synthetic-cases";

describe("trainEmbeddedModel + predict", () => {
  const cases = syntheticCases({ count: 300, seed: 11 });
  const model = trainEmbeddedModel({ cases, cutoff: new Date(Date.UTC(2030, 0, 1)) });

  it("learns labels from text it has not seen verbatim", () => {
    expect(predict(model, { text: "I want a refund for this charge" }).label).toBe("billing");
    expect(predict(model, { text: "where is the courier with my parcel" }).label).toBe("shipping");
    expect(predict(model, { text: "login fails with a timeout error" }).label).toBe("technical");
  });

  it("gives probabilities over every label that sum to 1, the chosen one the largest", () => {
    const prediction = predict(model, { text: "refund please" });
    expect(Object.keys(prediction.scores).sort()).toEqual(["billing", "shipping", "technical"]);
    const total = Object.values(prediction.scores).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 6);
    expect(prediction.confidence).toBe(Math.max(...Object.values(prediction.scores)));
    expect(prediction.confidence).toBe(prediction.scores[prediction.label]);
  });

  it("records what it was trained on and how it did on the held-out slice", () => {
    expect(model.labels).toEqual(["billing", "shipping", "technical"]);
    expect(model.training.size).toBe(300);
    expect(model.heldOut?.method).toBe("latest-by-time");
    expect(model.heldOut?.size).toBe(45);
    expect(model.heldOut!.accuracy).toBeGreaterThan(0.9);
    expect(model.heldOut!.reliabilityAfter).toHaveLength(15);
  });

  it("learns from structured fields alone", () => {
    const fieldCases = Array.from({ length: 120 }, (_, i) => ({
      fields: { team: ["north", "south", "east"][i % 3]!, priority: (i % 3) + 1 },
      label: ["alpha", "beta", "gamma"][i % 3]!,
    }));
    const fieldModel = trainEmbeddedModel({ cases: fieldCases });
    expect(fieldModel.heldOut?.method).toBe("stratified-random");
    expect(predict(fieldModel, { fields: { team: "south", priority: 2 } }).label).toBe("beta");
  });

  it("restricts the choice to the labels a node asks for", () => {
    const prediction = predict(
      model,
      { text: "refund for this charge" },
      { labels: ["shipping", "technical"] },
    );
    expect(prediction.label).not.toBe("billing");
    expect(Object.keys(prediction.scores).sort()).toEqual(["shipping", "technical"]);
    expect(() => predict(model, { text: "x" }, { labels: ["unknown"] })).toThrow(
      /none of the requested labels/,
    );
  });

  it("keeps labels that collide with Object.prototype names as plain scores", () => {
    const odd = trainEmbeddedModel({
      cases: Array.from({ length: 60 }, (_, i) => ({
        text: i % 2 ? "alpha beta" : "gamma delta",
        label: i % 2 ? "__proto__" : "constructor",
      })),
    });
    const prediction = predict(odd, { text: "alpha beta" });
    expect(prediction.label).toBe("__proto__");
    expect(Object.keys(prediction.scores).sort()).toEqual(["__proto__", "constructor"]);
    expect(Object.getPrototypeOf(prediction.scores)).toBe(Object.prototype);
    expect(typeof prediction.scores["__proto__"]).toBe("number");
    const restricted = predict(odd, { text: "alpha beta" }, { labels: ["__proto__"] });
    expect(restricted.scores).toEqual(JSON.parse('{"__proto__": 1}'));
  });

  it("answers in the shape the Models port expects", () => {
    const result = classifyWithEmbeddedModel(model, {
      text: "my parcel did not arrive",
      labels: model.labels,
    });
    expect(result.label).toBe("shipping");
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.explanation).toMatch(/300 past cases before 2030-01-01/);
  });

  it("copes with a history of one label, and with too few cases to hold any out", () => {
    const single = trainEmbeddedModel({
      cases: Array.from({ length: 40 }, (_, i) => ({ text: `hello ${i % 4}`, label: "only" })),
    });
    expect(single.temperature).toBe(1);
    expect(single.heldOut?.accuracy).toBe(1);
    expect(predict(single, { text: "anything" })).toEqual({
      label: "only",
      confidence: 1,
      scores: { only: 1 },
    });
    const tiny = trainEmbeddedModel({ cases: cases.slice(0, 12) });
    expect(tiny.heldOut).toBeNull();
    expect(tiny.training.size).toBe(12);
  });

  it("refuses to train on nothing", () => {
    expect(() => trainEmbeddedModel({ cases, cutoff: new Date(Date.UTC(2000, 0, 1)) })).toThrow(
      /no labelled case/,
    );
  });
});
