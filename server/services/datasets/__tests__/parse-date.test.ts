import { describe, expect, it } from "vitest";
import { guessDateFormat, parseDate } from "../parse-date";

describe("parseDate", () => {
  it("reads day-first ServiceNow times as UTC, and refuses impossible days", () => {
    expect(parseDate("29/2/2016 01:16", "day-first")?.toISOString()).toBe("2016-02-29T01:16:00.000Z");
    expect(parseDate("31/2/2016 10:00", "day-first")).toBeNull();
    expect(parseDate("2/29/2016 01:16", "month-first")?.toISOString()).toBe("2016-02-29T01:16:00.000Z");
    expect(parseDate("13/1/2016", "month-first")).toBeNull();
  });

  it("reads ISO with and without a zone (none means UTC), and epochs", () => {
    expect(parseDate("2025-03-01T09:30:00+01:00", "iso")?.toISOString()).toBe("2025-03-01T08:30:00.000Z");
    expect(parseDate("2025-03-01 09:30", "iso")?.toISOString()).toBe("2025-03-01T09:30:00.000Z");
    expect(parseDate("2025-03-01", "iso")?.toISOString()).toBe("2025-03-01T00:00:00.000Z");
    expect(parseDate("1740821400", "epoch-seconds")?.toISOString()).toBe("2025-03-01T09:30:00.000Z");
    expect(parseDate("yesterday", "iso")).toBeNull();
  });
});

describe("guessDateFormat", () => {
  it("finds day-first from a day above 12, even with a bad value among the samples", () => {
    expect(guessDateFormat(["29/2/2016 01:16", "1/3/2016 09:00", "31/2/2016 10:00"])).toEqual({
      format: "day-first",
      ambiguous: false,
    });
  });
  it("says when day-first and month-first cannot be told apart", () => {
    expect(guessDateFormat(["1/3/2016", "2/3/2016"])).toEqual({ format: "day-first", ambiguous: true });
  });
  it("prefers ISO", () => {
    expect(guessDateFormat(["2025-01-02T03:04:05Z"])).toEqual({ format: "iso", ambiguous: false });
  });
});
