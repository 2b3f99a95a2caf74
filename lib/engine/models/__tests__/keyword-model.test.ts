import { describe, expect, it } from "vitest";
import { classifyByKeywords, keywordModels, ModelUnavailableError } from "../keyword-model";
import { routeModels } from "../route-models";

const model = {
  kind: "keyword" as const,
  keywords: { billing: ["invoice", "refund*"], technical: ["error", "crash*"] },
};
const labels = ["billing", "technical"];

describe("keyword model", () => {
  it("gives one lone keyword 0.75 and two 0.94", () => {
    expect(classifyByKeywords("an invoice question", labels, model)).toMatchObject({
      label: "billing",
      confidence: 0.75,
    });
    expect(classifyByKeywords("invoice and refunds", labels, model)).toMatchObject({
      label: "billing",
      confidence: 0.9375,
      explanation: "keywords: invoice, refund*",
    });
  });

  it("halves confidence when labels tie, and says 0 with no keyword", () => {
    expect(classifyByKeywords("invoice error", labels, model)).toMatchObject({
      label: "billing",
      confidence: 0.375,
      scores: { billing: 0.5, technical: 0.5 },
    });
    expect(classifyByKeywords("hello", labels, model)).toMatchObject({
      label: "billing",
      confidence: 0,
      explanation: "no keyword matched",
    });
  });

  it("is deterministic", () => {
    expect(classifyByKeywords("it crashed with an error", labels, model)).toEqual(
      classifyByKeywords("it crashed with an error", labels, model),
    );
  });

  it("refuses other model kinds, and a router sends each kind to its implementation", async () => {
    const llm = { kind: "llm" as const, providerId: "openai", model: "gpt" };
    expect(() => keywordModels.classify({ text: "x", labels, model: llm })).toThrow(ModelUnavailableError);
    const routed = routeModels({ llm: { classify: async () => ({ label: "technical", confidence: 0.6 }) } });
    await expect(routed.classify({ text: "x", labels, model: llm })).resolves.toEqual({
      label: "technical",
      confidence: 0.6,
    });
    expect(routed.classify({ text: "invoice", labels, model })).toMatchObject({ label: "billing" });
    expect(() =>
      routeModels().classify({ text: "x", labels, model: { kind: "embedded", modelId: "m" } }),
    ).toThrow(/no model provider is configured for "embedded"/);
  });
});
