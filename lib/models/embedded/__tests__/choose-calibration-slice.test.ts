import { describe, expect, it } from "vitest";
import { chooseCalibrationSlice } from "../choose-calibration-slice";

const day = (d: number) => new Date(Date.UTC(2024, 0, d));

describe("chooseCalibrationSlice", () => {
  it("holds out the latest cases when all have times, whatever their order", () => {
    const cases = [5, 1, 9, 3, 7, 2, 8, 4, 6, 10].map((d) => ({
      label: d % 2 ? "a" : "b",
      occurredAt: day(d),
    }));
    const slice = chooseCalibrationSlice(cases, 0.2, 1);
    expect(slice.method).toBe("latest-by-time");
    expect(slice.heldOut.map((i) => cases[i]!.occurredAt.getUTCDate()).sort((a, b) => a - b)).toEqual([
      9, 10,
    ]);
    expect(slice.fit).toHaveLength(8);
  });

  it("holds out a stratified random slice without times, every label on both sides", () => {
    const cases = Array.from({ length: 100 }, (_, i) => ({ label: i < 80 ? "common" : "rare" }));
    const slice = chooseCalibrationSlice(cases, 0.15, 1);
    expect(slice.method).toBe("stratified-random");
    const heldOutLabels = slice.heldOut.map((i) => cases[i]!.label);
    expect(heldOutLabels.filter((l) => l === "common")).toHaveLength(12);
    expect(heldOutLabels.filter((l) => l === "rare")).toHaveLength(3);
    expect(new Set([...slice.fit, ...slice.heldOut]).size).toBe(100);
  });

  it("never holds out a label's only case, and can be forced to a random slice", () => {
    const cases = [
      { label: "solo", occurredAt: day(1) },
      ...Array.from({ length: 9 }, (_, i) => ({ label: "x", occurredAt: day(i + 2) })),
    ];
    const slice = chooseCalibrationSlice(cases, 0.3, 1, "stratified-random");
    expect(slice.fit).toContain(0);
    expect(() => chooseCalibrationSlice([{ label: "a" }], 0.3, 1, "latest-by-time")).toThrow(/time/);
  });
});
