export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box, gap: number) =>
  a.x < b.x + b.width + gap &&
  b.x < a.x + a.width + gap &&
  a.y < b.y + b.height + gap &&
  b.y < a.y + a.height + gap;

/**
 * The nearest top-left corner to `near` where a box of `size` overlaps no other box: rings of candidates
 * around the point, closest first. A node added "in the middle" then never lands on top of another.
 */
export function freeSpotNear(
  boxes: readonly Box[],
  near: { x: number; y: number },
  size: { width: number; height: number },
  gap = 24,
): { x: number; y: number } {
  const step = 40;
  const fits = (x: number, y: number) => !boxes.some((b) => overlaps({ x, y, ...size }, b, gap));
  for (let ring = 0; ring <= 30; ring++) {
    const candidates: { x: number; y: number; d: number }[] = [];
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
        const x = near.x + i * step;
        const y = near.y + j * step;
        candidates.push({ x, y, d: Math.hypot(i, j) });
      }
    }
    candidates.sort((a, b) => a.d - b.d);
    const found = candidates.find((c) => fits(c.x, c.y));
    if (found) return { x: Math.round(found.x), y: Math.round(found.y) };
  }
  return { x: Math.round(near.x), y: Math.round(near.y) };
}
