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
});
