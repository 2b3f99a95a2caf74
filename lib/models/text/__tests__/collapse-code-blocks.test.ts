import { describe, expect, it } from "vitest";
import { collapseCodeBlocks } from "../collapse-code-blocks";
import { normalizeText } from "../normalize-text";
import { tokenizeWords } from "../tokenize-words";

describe("collapseCodeBlocks", () => {
  it("turns each fenced block into one codeblock word and keeps the prose around it", () => {
    const raw =
      "crash on save\n```js\nTypeError: x is undefined\n  at foo (a.js:1)\n```\nthen again\n```\nlog\n```";
    expect(tokenizeWords(collapseCodeBlocks(raw), 100)).toEqual([
      "crash",
      "on",
      "save",
      "codeblock",
      "then",
      "again",
      "codeblock",
    ]);
  });

  it("leaves text without fences alone and lets an unclosed fence run to the end", () => {
    expect(collapseCodeBlocks("no code `inline` here")).toBe("no code `inline` here");
    expect(tokenizeWords(collapseCodeBlocks("before ```py\nimport os\nos.exit()"), 10)).toEqual([
      "before",
      "codeblock",
    ]);
  });

  it("stays linear on thousands of fences", () => {
    const hostile = "```a".repeat(200_000);
    const started = performance.now();
    collapseCodeBlocks(hostile);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("normalizeText with collapseCode", () => {
  it("collapses before cutting to maxChars, so a long paste no longer crowds out the prose after it", () => {
    const raw = `intro \`\`\`\n${"x = 1\n".repeat(2000)}\`\`\` the feature request`;
    expect(tokenizeWords(normalizeText(raw, 2000, { collapseCode: true }), 100)).toEqual([
      "intro",
      "codeblock",
      "the",
      "feature",
      "request",
    ]);
    expect(tokenizeWords(normalizeText(raw, 2000), 100)).not.toContain("request");
  });
});
