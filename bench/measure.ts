/** Small timing helpers shared by the benchmarks. */
import { performance } from "node:perf_hooks";

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Items per second for one pass of `fn` over `count` items. */
export function throughput(count: number, fn: () => void): number {
  const started = performance.now();
  fn();
  return count / ((performance.now() - started) / 1000);
}

export function heapMb(): number {
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

/** A seeded generator (mulberry32): the same items on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const round = (n: number, digits = 0): number => Number(n.toFixed(digits));
