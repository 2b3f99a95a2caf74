import type { GraphDocument } from "./graph-types";

export interface Snapshot extends GraphDocument {
  /** Identity of this document state; the saved state is remembered by it, so undo back to it is clean. */
  docId: number;
}

export interface HistoryState {
  past: Snapshot[];
  future: Snapshot[];
  /** The last commit's coalescing key and time: typing into one field makes one undo step, not one per key. */
  lastCommit: { key: string; at: number } | null;
}

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1_000;

export function pushPast(
  history: HistoryState,
  current: Snapshot,
  key: string | undefined,
  now: number,
): HistoryState {
  const coalesce =
    key !== undefined && history.lastCommit?.key === key && now - history.lastCommit.at < COALESCE_MS;
  return {
    past: coalesce ? history.past : [...history.past, current].slice(-HISTORY_LIMIT),
    future: [],
    lastCommit: key !== undefined ? { key, at: now } : null,
  };
}
