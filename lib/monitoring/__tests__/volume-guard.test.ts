import { describe, expect, it } from "vitest";
import { hourOfWeek } from "../hour-of-week";
import { volumeBaseline } from "../volume-baseline";
import { expectWindow, judgeVolume, type VolumeGuardConfig } from "../volume-guard";
import { seasonalArrivals, slidingCounts, TRAFFIC_START } from "./traffic";

const HOUR = 3_600_000;
const WEEK = 168 * HOUR;
const FIVE_MINUTES = 300_000;
const config: VolumeGuardConfig = { windowMinutes: 60, multiplier: 3, zScore: null, minItems: 20 };

/** Four weeks of ordinary traffic make the baseline; the weeks after are judged against it. */
const history = seasonalArrivals({ fromMs: TRAFFIC_START, hours: 4 * 168, peakPerHour: 60, seed: 7 });
const baseline = volumeBaseline(
  history,
  { fromMs: TRAFFIC_START, toMs: TRAFFIC_START + 4 * WEEK },
  "dataset",
);
const judgeFrom = TRAFFIC_START + 4 * WEEK;

function evaluate(arrivals: number[], fromMs: number, toMs: number, guard = config) {
  const ends: number[] = [];
  for (let end = fromMs + guard.windowMinutes * 60_000; end <= toMs; end += FIVE_MINUTES) ends.push(end);
  const counts = slidingCounts(arrivals, ends, guard.windowMinutes * 60_000);
  return ends.map((end, i) => ({
    end,
    ...judgeVolume(counts[i]!, expectWindow(baseline, end, guard.windowMinutes), guard),
  }));
}

describe("hour of week", () => {
  it("starts on Monday 00:00 UTC and wraps after Sunday 23:00", () => {
    expect(hourOfWeek(TRAFFIC_START)).toBe(0);
    expect(hourOfWeek(TRAFFIC_START + 25 * HOUR + 59 * 60_000)).toBe(25);
    expect(hourOfWeek(TRAFFIC_START - 1)).toBe(167);
  });
});

describe("volume baseline", () => {
  it("keeps the median of each hour of the week, so weekday mornings expect more than Sunday nights", () => {
    expect(baseline.source).toBe("dataset");
    expect(baseline.weeks).toBe(4);
    expect(baseline.perHourOfWeek).toHaveLength(168);
    const tuesday10 = baseline.perHourOfWeek[24 + 10]!;
    const sunday3 = baseline.perHourOfWeek[6 * 24 + 3]!;
    expect(tuesday10.median).toBeGreaterThan(45);
    expect(tuesday10.median).toBeLessThan(75);
    expect(sunday3.median).toBeLessThan(6);
  });

  it("keeps the mean too, so a day's typical total is not undercounted by sparse night hours", () => {
    const sunday3 = baseline.perHourOfWeek[6 * 24 + 3]!;
    expect(sunday3.mean).toBeGreaterThan(0);
    const tuesday = expectWindow(baseline, TRAFFIC_START + 2 * 24 * HOUR, 24 * 60);
    expect(tuesday.typical).toBeGreaterThanOrEqual(tuesday.expected);
    // 60 an hour at the peak, by the hour shape: about 770 items on a weekday.
    expect(tuesday.typical).toBeGreaterThan(700);
    expect(tuesday.typical).toBeLessThan(840);
  });

  it("has nothing to say without arrivals", () => {
    expect(volumeBaseline([], { fromMs: 0, toMs: WEEK }, "dataset").source).toBe("none");
  });
});

describe("volume guard on generated traffic", () => {
  it("stays quiet through two ordinary weeks of daily and weekly seasonality", () => {
    const normal = seasonalArrivals({ fromMs: judgeFrom, hours: 2 * 168, peakPerHour: 60, seed: 99 });
    const judged = evaluate(normal, judgeFrom, judgeFrom + 2 * WEEK);
    expect(judged.length).toBeGreaterThan(3000);
    expect(judged.filter((j) => j.anomalous)).toEqual([]);
    // Seasonality is real here: the busiest window is many times the quietest, yet nothing fired.
    const counts = judged.map((j) => j.observed);
    expect(Math.max(...counts)).toBeGreaterThan(5 * Math.max(1, Math.min(...counts)));
  });

  it("also stays quiet with a robust z-score rule of 4", () => {
    const normal = seasonalArrivals({ fromMs: judgeFrom, hours: 168, peakPerHour: 60, seed: 5 });
    const judged = evaluate(normal, judgeFrom, judgeFrom + WEEK, { ...config, multiplier: 1000, zScore: 4 });
    expect(judged.filter((j) => j.anomalous)).toEqual([]);
  });

  it("fires within one window of a 5× burst, and clears once the window has slid past it", () => {
    // Tuesday of the fifth week, 10:20 to 11:20 UTC: a flood at five times the usual rate.
    const burst = {
      fromMs: judgeFrom + 34 * HOUR + 20 * 60_000,
      toMs: judgeFrom + 35 * HOUR + 20 * 60_000,
      factor: 5,
    };
    const traffic = seasonalArrivals({ fromMs: judgeFrom, hours: 3 * 24, peakPerHour: 60, seed: 11, burst });
    const judged = evaluate(traffic, judgeFrom, judgeFrom + 3 * 24 * HOUR);
    const firing = judged.filter((j) => j.anomalous);
    expect(firing.length).toBeGreaterThan(0);
    const first = firing[0]!;
    expect(first.end).toBeGreaterThan(burst.fromMs);
    expect(first.end).toBeLessThanOrEqual(burst.fromMs + 60 * 60_000);
    expect(first.rule).toBe("multiplier");
    // Nothing before the burst; nothing once a whole window has passed since it ended.
    expect(firing.every((j) => j.end > burst.fromMs && j.end < burst.toMs + 60 * 60_000)).toBe(true);
  });

  it("never fires below the minimum count, however large the ratio", () => {
    const judgement = judgeVolume(10, { expected: 0.5, typical: 0.6, spread: 1 }, config);
    expect(judgement.ratio).toBe(10);
    expect(judgement.anomalous).toBe(false);
    expect(judgeVolume(25, { expected: 0.5, typical: 0.6, spread: 1 }, config).anomalous).toBe(true);
  });
});
