/** One item as monitoring counts it: what happened, when, and — once the truth is known — whether it was right. */
export interface ItemFact {
  receivedAtMs: number;
  /** The run's own processing time (its trace), comparable with the backtest's latency; absent untraced. */
  durationMs?: number;
  kind: "auto" | "escalated" | "error" | "deferred" | "pending";
  /** For escalations: confidence | rule | volume | connector | manual. */
  reasonType?: string;
  /** For auto-decided items: the label decided (team, resolution, end). */
  predicted?: string;
  /** The truth's label, when a reviewer or the human process gave one. */
  actual?: string;
  /** Auto-decided and labelled: whether the decision matched the truth. */
  judged?: "correct" | "wrong";
  /** The node that ended the run (the terminal, or the node that escalated). */
  nodeId?: string;
}
