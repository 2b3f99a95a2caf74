/** The gateway's circuit breaker states (server/integrations/resilience/circuit-breaker.ts). */
export type CircuitStateName = "closed" | "open" | "half_open";

/** One recorded change of a connector's breaker. */
export interface CircuitTransition {
  atMs: number;
  from: CircuitStateName;
  to: CircuitStateName;
  /** For an opening: how long the breaker refuses calls before it lets a probe through. */
  cooldownMs: number | null;
}

export interface CircuitSegment {
  state: CircuitStateName;
  fromMs: number;
  toMs: number;
}

/**
 * The circuit's state over [fromMs, toMs) from its recorded changes (oldest first), starting from the last
 * change before the range (`before`; none: closed). An opening lasts its cool-down; after it the breaker lets
 * the next call through as a probe, which it reports as half-open (the breaker's own `state` rule), so a
 * quiet connector whose cool-down ran out shows half-open until a call settles it. With several workers
 * (each keeps its own breaker) the newest change any of them made stands.
 */
export function circuitSegments(
  transitions: readonly CircuitTransition[],
  range: { fromMs: number; toMs: number },
  before: CircuitTransition | null = null,
): CircuitSegment[] {
  const segments: CircuitSegment[] = [];
  const push = (state: CircuitStateName, fromMs: number, toMs: number) => {
    const from = Math.max(fromMs, range.fromMs);
    const to = Math.min(toMs, range.toMs);
    if (to <= from) return;
    const last = segments.at(-1);
    if (last && last.state === state && last.toMs === from) last.toMs = to;
    else segments.push({ state, fromMs: from, toMs: to });
  };
  /** The state a change leaves the circuit in from its time until `untilMs` (the next change or the end). */
  const spell = (change: CircuitTransition | null, startMs: number, untilMs: number) => {
    if (!change) return push("closed", startMs, untilMs);
    if (change.to === "open" && change.cooldownMs !== null) {
      const probeFrom = change.atMs + change.cooldownMs;
      push("open", startMs, Math.min(untilMs, probeFrom));
      push("half_open", Math.max(startMs, probeFrom), untilMs);
      return;
    }
    push(change.to, startMs, untilMs);
  };
  const inRange = transitions.filter((t) => t.atMs >= range.fromMs && t.atMs < range.toMs);
  let current = before;
  let at = range.fromMs;
  for (const change of inRange) {
    spell(current, at, change.atMs);
    current = change;
    at = change.atMs;
  }
  spell(current, at, range.toMs);
  return segments;
}

export interface CircuitBucketShare {
  /** Shares of the bucket's time (its part inside the range) the circuit was open and half-open, 0–1. */
  openShare: number;
  halfOpenShare: number;
  /** The same as durations, in milliseconds. */
  openMs: number;
  halfOpenMs: number;
  /** Times the circuit opened in the bucket (a failed probe re-opening it counts too). */
  openings: number;
}

/** How much of each bucket the circuit spent open or half-open, and how often it opened. */
export function circuitShares(
  segments: readonly CircuitSegment[],
  transitions: readonly CircuitTransition[],
  bucketStarts: readonly number[],
  stepMs: number,
  range: { fromMs: number; toMs: number },
): CircuitBucketShare[] {
  return bucketStarts.map((startMs) => {
    const from = Math.max(startMs, range.fromMs);
    const to = Math.min(startMs + stepMs, range.toMs);
    const span = to - from;
    let open = 0;
    let halfOpen = 0;
    for (const segment of segments) {
      const overlap = Math.min(segment.toMs, to) - Math.max(segment.fromMs, from);
      if (overlap <= 0) continue;
      if (segment.state === "open") open += overlap;
      if (segment.state === "half_open") halfOpen += overlap;
    }
    return {
      openShare: span > 0 ? open / span : 0,
      halfOpenShare: span > 0 ? halfOpen / span : 0,
      openMs: open,
      halfOpenMs: halfOpen,
      openings: transitions.filter((t) => t.to === "open" && t.atMs >= from && t.atMs < to).length,
    };
  });
}
