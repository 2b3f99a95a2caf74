/**
 * 32-bit feature hashing. FNV-1a over UTF-16 code units, each feature kind in its
 * own namespace (seed) so the word "card" and the field value "card" differ.
 * A final avalanche (murmur3 fmix) spreads the bits for the lookup table.
 */
export const NAMESPACE = {
  word: 0x811c9dc5,
  bigram: 0x2545f491,
  char: 0x9e3779b9,
  field: 0x85ebca6b,
  cross: 0xc2b2ae35,
} as const;

const FNV_PRIME = 0x01000193;

export function fnvStep(state: number, code: number): number {
  return Math.imul(state ^ code, FNV_PRIME) >>> 0;
}

export function fnvString(state: number, text: string): number {
  let h = state;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

export function finalizeHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
