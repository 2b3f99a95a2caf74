import { describe, expect, it } from "vitest";
import { freeSpotNear } from "../free-spot";

describe("freeSpotNear", () => {
  const size = { width: 240, height: 100 };
  it("keeps the point when it is free", () => {
    expect(freeSpotNear([], { x: 10, y: 20 }, size)).toEqual({ x: 10, y: 20 });
  });
  it("moves off a node that is in the way, to the nearest free spot", () => {
    const spot = freeSpotNear([{ x: 0, y: 0, ...size }], { x: 0, y: 0 }, size);
    expect(spot).not.toEqual({ x: 0, y: 0 });
    const clear =
      spot.x >= 240 + 24 || spot.x + 240 + 24 <= 0 || spot.y >= 100 + 24 || spot.y + 100 + 24 <= 0;
    expect(clear).toBe(true);
    expect(Math.hypot(spot.x, spot.y)).toBeLessThanOrEqual(160);
  });
});
