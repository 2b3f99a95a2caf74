import { describe, expect, it } from "vitest";
import { buildTfIdfIndex } from "../tfidf";
import { stem, tokenize } from "../tokenize";

describe("tokenize", () => {
  it("drops stopwords and strips common suffixes", () => {
    expect(tokenize("I have refunds, the refunded and REFUNDING")).toEqual(["refund", "refund", "refund"]);
    expect(stem("class")).toBe("class");
  });
});

describe("buildTfIdfIndex", () => {
  const index = buildTfIdfIndex([
    { id: "reset", text: "forgot password reset link" },
    { id: "refund", text: "refund not received money back" },
    { id: "ship", text: "package delivery late tracking" },
  ]);

  it("ranks the closest document first, with a score in 0..1", () => {
    const [best, second] = index.rank("I forgot my password, send a reset link");
    expect(best?.id).toBe("reset");
    expect(best?.score).toBeGreaterThan(0.5);
    expect(best?.score).toBeLessThanOrEqual(1);
    expect(second?.score).toBe(0);
  });

  it("scores an exact copy 1 and an unrelated text 0", () => {
    expect(index.rank("refund not received money back")[0]).toEqual({ id: "refund", score: 1 });
    expect(index.rank("zebra giraffe")[0]?.score).toBe(0);
  });

  it("lets unknown words dilute the score", () => {
    const short = index.rank("package late")[0]!.score;
    const long = index.rank("package late because of weather storm holiday season warehouse")[0]!.score;
    expect(long).toBeLessThan(short);
  });

  it("scores documents sharing query terms by their own weights (cosine of the TF-IDF vectors)", () => {
    const shared = buildTfIdfIndex([
      { id: "a", text: "card card fee" },
      { id: "b", text: "card refund" },
      { id: "c", text: "delivery" },
    ]);
    // n = 3: idf(df) = ln(4 / (1 + df)) + 1; tf = 1 + ln(count).
    const idf = (df: number) => Math.log(4 / (1 + df)) + 1;
    const card = idf(2);
    const fee = idf(1);
    const refund = idf(1);
    const a = { card: (1 + Math.log(2)) * card, fee };
    const b = { card, refund };
    const queryNorm = Math.hypot(card, fee);
    const round = (x: number) => Math.round(x * 1e6) / 1e6;
    expect(shared.rank("card fee")).toEqual([
      { id: "a", score: round((card * a.card + fee * a.fee) / (queryNorm * Math.hypot(a.card, a.fee))) },
      { id: "b", score: round((card * b.card) / (queryNorm * Math.hypot(b.card, b.refund))) },
      { id: "c", score: 0 },
    ]);
  });
});
