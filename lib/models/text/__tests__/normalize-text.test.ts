import { describe, expect, it } from "vitest";
import { normalizeText } from "../normalize-text";
import { tokenizeWords } from "../tokenize-words";

describe("normalizeText", () => {
  it("drops issue-template HTML comments, tags, URLs and e-mail addresses, and lower-cases", () => {
    const raw =
      "<!-- Please fill in the template -->\n### Bug <b>Crash</b> on <br/>save\nSee https://example.com/a?b=1 or mail Ann@Example.org &amp; retry";
    const text = normalizeText(raw, 10_000);
    expect(text).not.toMatch(/please fill|<b>|example\.com|ann@/);
    expect(tokenizeWords(text, 100)).toEqual([
      "bug",
      "crash",
      "on",
      "save",
      "see",
      "url",
      "or",
      "mail",
      "email",
      "retry",
    ]);
  });

  it("treats an unclosed comment as running to the end and keeps a bare '<' comparison", () => {
    expect(tokenizeWords(normalizeText("keep this <!-- hidden forever", 1000), 10)).toEqual(["keep", "this"]);
    expect(tokenizeWords(normalizeText("if a < b then", 1000), 10)).toEqual(["if", "a", "b", "then"]);
  });

  it("cuts text at maxChars and stays fast on hostile input", () => {
    expect(normalizeText("abcdef", 3)).toBe("abc");
    const hostile = "<a".repeat(50_000) + "<!--".repeat(50_000);
    const started = performance.now();
    normalizeText(hostile, 200_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("tokenizeWords", () => {
  it("keeps letters, digits, underscores and in-word apostrophes; folds curly quotes", () => {
    expect(tokenizeWords("hasn’t tf.keras get_state 42x é", 10)).toEqual([
      "hasn't",
      "tf",
      "keras",
      "get_state",
      "42x",
      "é",
    ]);
    expect(tokenizeWords("a b c d", 2)).toEqual(["a", "b"]);
  });
});
