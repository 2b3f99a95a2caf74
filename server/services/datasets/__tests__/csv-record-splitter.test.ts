import { describe, expect, it } from "vitest";
import { CsvRecordSplitter, type SplitRecord } from "../csv-record-splitter";

/** Splits `text` fed in chunks of `size` characters. */
function split(text: string, size = text.length || 1, maxQuotedChars?: number): SplitRecord[] {
  const splitter = new CsvRecordSplitter(",", maxQuotedChars);
  const out: SplitRecord[] = [];
  for (let i = 0; i < text.length; i += size) splitter.push(text.slice(i, i + size), out);
  return splitter.end(out);
}

describe("CsvRecordSplitter", () => {
  it("ends records at \\n, \\r\\n and a lone \\r, numbering lines the same whatever the chunking", () => {
    const text = 'a,b\r\n1,"two\r\nlines"\n3,4\r5,6';
    const expected = [
      { line: 1, text: "a,b" },
      { line: 3, text: '1,"two\r\nlines"' },
      { line: 4, text: "3,4" },
      { line: 5, text: "5,6" },
    ];
    for (const size of [1, 2, 3, 7, 100]) expect(split(text, size), `chunks of ${size}`).toEqual(expected);
  });

  it("keeps doubled quotes inside a cell and a quote mid-cell as text", () => {
    expect(split('x,"say ""hi""\nthere",he said "no\nnext')).toEqual([
      { line: 2, text: 'x,"say ""hi""\nthere",he said "no' },
      { line: 3, text: "next" },
    ]);
  });

  it("reports a quote never closed on its line, and reads the lines after it as rows", () => {
    expect(split('h\n1,"open\n2,b\n3,c\n', 3)).toEqual([
      { line: 1, text: "h" },
      { line: 2, unclosedQuote: true },
      { line: 3, text: "2,b" },
      { line: 4, text: "3,c" },
    ]);
  });

  it("gives up on a quote that stays open past the limit, in linear time", () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => `${i},row`).join("\n");
    const records = split(`h\n0,"open\n${rows}\n`, 64, 1_000);
    expect(records[1]).toEqual({ line: 2, unclosedQuote: true });
    expect(records.filter((r) => "text" in r)).toHaveLength(2_001);
    expect(records.at(-1)).toEqual({ line: 2_002, text: "1999,row" });
  });
});
