import { describe, expect, it } from "vitest";
import { compileSafeRegex, MAX_REGEX_INPUT_LENGTH } from "../safe-regex";

function regex(pattern: string, caseInsensitive = false) {
  const compiled = compileSafeRegex(pattern, { caseInsensitive });
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.regex;
}

describe("compileSafeRegex", () => {
  it("tests and finds", () => {
    const order = regex("order\\s*#?(\\d{5,})", true);
    expect(order.test("Re: ORDER #123456 late")).toBe(true);
    expect(order.find("Re: ORDER #123456 late")).toBe("ORDER #123456");
    expect(order.test("order 12")).toBe(false);
  });

  it("runs patterns that backtrack catastrophically elsewhere in linear time", () => {
    const evil = regex("^(a+)+$");
    const input = `${"a".repeat(MAX_REGEX_INPUT_LENGTH - 1)}!`;
    const started = performance.now();
    expect(evil.test(input)).toBe(false);
    expect(regex("(x+x+)+y").test("x".repeat(5_000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("refuses back-references and look-around, saying why", () => {
    for (const pattern of ["(a)\\1", "(?=a)", "(?<!a)b"]) {
      const compiled = compileSafeRegex(pattern);
      expect(compiled.ok).toBe(false);
      expect(!compiled.ok && compiled.message).toMatch(/RE2: no back-references or look-around/);
    }
  });

  it("refuses empty, overlong and malformed patterns", () => {
    expect(compileSafeRegex("").ok).toBe(false);
    expect(compileSafeRegex("a".repeat(1_001)).ok).toBe(false);
    expect(compileSafeRegex("([a-z]").ok).toBe(false);
  });

  it("only looks at the first 20,000 characters", () => {
    expect(regex("needle").test(`${"x".repeat(MAX_REGEX_INPUT_LENGTH)}needle`)).toBe(false);
  });
});
