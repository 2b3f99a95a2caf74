import crypto from "node:crypto";
import os from "node:os";
import { and, asc, desc, eq, gte, inArray, lt } from "drizzle-orm";
import type { CircuitTransition } from "@/lib/monitoring/circuit-timeline";
import type { Db } from "../../db/client";
import { connectorCircuitEvents } from "../../db/schema";
import type { CircuitChange } from "../../integrations/gateway-types";

const PROCESS = `${os.hostname()}:${process.pid}`;

export type CircuitRecorder = ((change: CircuitChange) => void) & {
  /** Resolves once every change handed over so far is written (for seeds and tests). */
  settled(): Promise<void>;
};

/**
 * The gateway's `onCircuitChange` for a process: writes each breaker change as it happens, without making
 * the call wait for it (a failed write is logged; the call goes on as the breaker decided).
 */
export function recordCircuitChanges(db: Db, processName = PROCESS): CircuitRecorder {
  const pending = new Set<Promise<void>>();
  let sequence = 0;
  const record = (change: CircuitChange) => {
    // A probe and its answer can fall in the same millisecond: the id keeps one process's changes in order.
    const id = `${String(change.atMs).padStart(15, "0")}-${String(++sequence).padStart(9, "0")}-${crypto.randomUUID()}`;
    const write = db
      .insert(connectorCircuitEvents)
      .values({
        id,
        connectorId: change.connectorId,
        fromState: change.from,
        toState: change.to,
        cooldownMs: change.cooldownMs,
        process: processName,
        at: new Date(change.atMs),
      })
      .then(
        () => {},
        (error: unknown) =>
          console.error(`[switchboard] could not record the circuit change of ${change.connectorId}`, error),
      )
      .finally(() => pending.delete(write));
    pending.add(write);
  };
  return Object.assign(record, { settled: async () => void (await Promise.all([...pending])) });
}

type EventRow = typeof connectorCircuitEvents.$inferSelect;
const transitionOf = (row: EventRow): CircuitTransition & { process: string } => ({
  atMs: row.at.getTime(),
  from: row.fromState,
  to: row.toState,
  cooldownMs: row.cooldownMs,
  process: row.process,
});

export interface CircuitHistory {
  transitions: (CircuitTransition & { process: string })[];
  /** The last change before the range: the state the range starts in. */
  before: CircuitTransition | null;
}

/** The recorded breaker changes of some connectors in a range, and the state each range starts in. */
export async function circuitHistory(
  db: Db,
  connectorIds: readonly string[],
  range: { fromMs: number; toMs: number },
): Promise<Map<string, CircuitHistory>> {
  const history = new Map<string, CircuitHistory>();
  if (connectorIds.length === 0) return history;
  const rows = await db
    .select()
    .from(connectorCircuitEvents)
    .where(
      and(
        inArray(connectorCircuitEvents.connectorId, [...connectorIds]),
        gte(connectorCircuitEvents.at, new Date(range.fromMs)),
        lt(connectorCircuitEvents.at, new Date(range.toMs)),
      ),
    )
    .orderBy(asc(connectorCircuitEvents.at), asc(connectorCircuitEvents.id));
  for (const connectorId of connectorIds) {
    const [before] = await db
      .select()
      .from(connectorCircuitEvents)
      .where(
        and(
          eq(connectorCircuitEvents.connectorId, connectorId),
          lt(connectorCircuitEvents.at, new Date(range.fromMs)),
        ),
      )
      .orderBy(desc(connectorCircuitEvents.at), desc(connectorCircuitEvents.id))
      .limit(1);
    const transitions = rows.filter((r) => r.connectorId === connectorId).map(transitionOf);
    if (before || transitions.length > 0)
      history.set(connectorId, { transitions, before: before ? transitionOf(before) : null });
  }
  return history;
}
