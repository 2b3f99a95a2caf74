import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { escapeFormulaCell } from "../escape-formula-cell";

describe("escapeFormulaCell", () => {
  it("prefixes a quote to every cell a spreadsheet would run as a formula", () => {
    for (const cell of [
      '=HYPERLINK("http://x")',
      "=1+1",
      "+cmd|' /C calc'!A0",
      "-2+3+cmd|' /C calc'!A0",
      "@SUM(1+1)",
      "\t=1+1",
      "\r=1+1",
      "=",
      "-",
      "+",
      "@",
    ]) {
      expect(escapeFormulaCell(cell), JSON.stringify(cell)).toBe(`'${cell}`);
    }
  });

  it("leaves text and plain signed numbers as they are", () => {
    for (const cell of [
      "",
      "refund",
      " =1+1 is not at the start",
      "a=b",
      "'quoted",
      "-12",
      "+3.5",
      "-.5e3",
      "42",
    ]) {
      expect(escapeFormulaCell(cell), JSON.stringify(cell)).toBe(cell);
    }
  });

  it("survives a CSV round trip as text a spreadsheet shows, not runs", () => {
    const cell = '=HYPERLINK("http://x","a,b")';
    const csv = Papa.unparse([[escapeFormulaCell(cell)]]);
    expect(csv).toBe(`"'=HYPERLINK(""http://x"",""a,b"")"`);
    expect(Papa.parse<string[]>(csv).data[0]![0]).toBe(`'${cell}`);
  });
});
