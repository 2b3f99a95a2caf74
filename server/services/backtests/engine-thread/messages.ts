import type { ResultRow } from "../batch-evaluator";
import type { MetricsState } from "../types";
import type { WindowRow } from "../window-rows";

/** Main thread → engine thread: run these rows (in order) next. */
export interface ThreadRequest {
  id: number;
  rows: readonly WindowRow[];
  firstSeq: number;
}

/** Engine thread → main thread. */
export type ThreadReply =
  | { type: "ready" }
  | { type: "batch"; id: number; results: ResultRow[]; state: MetricsState }
  | { type: "failed"; id?: number; message: string };
