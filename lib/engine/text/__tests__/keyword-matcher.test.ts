import { describe, expect, it } from "vitest";
import { compileKeywords } from "../keyword-matcher";

describe("compileKeywords", () => {
  const matcher = compileKeywords(["Refund", "charge*", "credit card", "#urgent", "c++", "café"]);

  it("finds whole words only, case-insensitively (text arrives lower-cased)", () => {
    expect(matcher.firstMatch("i want a refund.")).toBe("refund");
    expect(matcher.firstMatch("refunds")).toBeUndefined();
    expect(matcher.firstMatch("nonrefund")).toBeUndefined();
  });

  it("treats a trailing * as any ending", () => {
    expect(matcher.allMatches("they charged me")).toEqual(["charge*"]);
    expect(matcher.firstMatch("discharge")).toBeUndefined();
  });

  it("matches phrases and keywords with punctuation edges", () => {
    expect(matcher.allMatches("my credit card, #urgent, in c++")).toEqual(["credit card", "#urgent", "c++"]);
  });

  it("knows word edges beyond ASCII", () => {
    expect(matcher.firstMatch("un café noir")).toBe("café");
    expect(matcher.firstMatch("cafés")).toBeUndefined();
  });

  it("keeps looking after an occurrence inside a word", () => {
    expect(matcher.firstMatch("refundable refund")).toBe("refund");
  });
});
