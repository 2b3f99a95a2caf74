import { describe, expect, it } from "vitest";
import { buildBm25Index } from "../bm25";

const docs = [
  { id: "password", text: "Password reset: I forgot my password and cannot log in" },
  { id: "refund", text: "Refund: I was charged twice and want my money back" },
  { id: "shipping", text: "Where is my parcel? The delivery is late" },
];

describe("buildBm25Index", () => {
  const index = buildBm25Index(docs);

  it("ranks the entry sharing the rarest words first", () => {
    expect(index.rank("forgot password, can't log in")[0]?.id).toBe("password");
    expect(index.rank("charged twice, refund please")[0]?.id).toBe("refund");
  });

  it("keeps similarity in [0, 1], higher for closer text", () => {
    const close = index.rank("I forgot my password and cannot log in")[0]!.similarity;
    const loose = index.rank("password question about my invoice and my account settings")[0]!.similarity;
    expect(close).toBeGreaterThan(loose);
    expect(close).toBeLessThanOrEqual(1);
    expect(loose).toBeGreaterThan(0);
  });

  it("answers nothing for text that shares no word", () => {
    expect(index.rank("quantum chromodynamics")).toEqual([]);
    expect(index.rank("")).toEqual([]);
  });

  it("computes BM25 exactly: one-term query, one matching document", () => {
    // idf = ln(1 + (3 − 1 + 0.5)/(1 + 0.5)); tf 1; |d| vs the average length decides the tf part.
    const hit = index.rank("parcel")[0]!;
    // MiniSearch measures a field's length in distinct tokens: "is" twice in the parcel text counts once.
    const lengths = [10, 10, 7];
    const avg = lengths.reduce((a, b) => a + b) / 3;
    const tfPart = (1 * 2.2) / (1 + 1.2 * (1 - 0.7 + (0.7 * 7) / avg));
    expect(hit.similarity).toBeCloseTo((0.5 + tfPart) / (0.5 + 2.2), 6);
  });
});
