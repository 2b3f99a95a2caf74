import { describe, expect, it } from "vitest";
import { paletteFilter } from "../palette";

describe("paletteFilter", () => {
  const route = ["Route to team", "Outcome", "Outcomes", "Assigns the item to a team"];
  const condition = [
    "Condition",
    "Decision",
    "Decisions",
    "Branches on an expression over the item's fields and earlier nodes' outputs.",
  ];
  it("ranks a name match above a description match, and ignores scattered letters", () => {
    expect(paletteFilter("route", "route", route)).toBe(1);
    expect(paletteFilter("condition", "route", condition)).toBe(0);
    expect(paletteFilter("route", "team", route)).toBe(0.9);
    expect(paletteFilter("condition", "expression", condition)).toBe(0.3);
    expect(paletteFilter("route", "", route)).toBe(1);
  });
  it("finds node types by their group", () => {
    expect(paletteFilter("condition", "decision", condition)).toBeGreaterThan(0);
  });
});
