import { describe, expect, it } from "vitest";
import { locateJsonError } from "../cli/locate-json-error";

describe("locateJsonError", () => {
  it("finds nothing wrong in valid JSON", () => {
    for (const text of ['{"a": [1, 2.5e3, -0, true, null, "x\\n"], "b": {}}', "[]", " 3 ", '"s"']) {
      expect(locateJsonError(text), text).toBeUndefined();
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it.each([
    ['{\n  "a": 1,\n  }', { line: 3, column: 3 }],
    ['{"a": tru}', { line: 1, column: 7 }],
    ["", { line: 1, column: 1 }],
    ["[1, 2,]", { line: 1, column: 7 }],
    ['{"a" 1}', { line: 1, column: 6 }],
    ["{'a': 1}", { line: 1, column: 2 }],
    ['{"a": 1} x', { line: 1, column: 10 }],
    ["[\n[\n", { line: 3, column: 1 }],
  ])("points at the first problem in %j", (text, where) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonError(text)).toEqual(where);
  });
});
