import type { Clock, ConnectorGateway, KnowledgeBase, Models, Ports, RunStore } from "../ports";
import { createSideEffectLog, recordingReviewQueue, type SideEffectLog } from "./side-effect-log";
import { suppressWrites } from "./suppress-writes";

export interface ShadowPortDeps {
  clock: Clock;
  models: Models;
  /** The real gateway: reads go through it. */
  connectors: ConnectorGateway;
  runStore?: RunStore;
  knowledge?: KnowledgeBase;
  log?: SideEffectLog;
}

/**
 * Shadow: runs beside the live system on real items and the real clock.
 * Reads go through; writes are suppressed and recorded; no review task is
 * created, only recorded.
 */
export function shadowPorts(deps: ShadowPortDeps): Ports & { log: SideEffectLog } {
  const log = deps.log ?? createSideEffectLog();
  return {
    clock: deps.clock,
    models: deps.models,
    connectors: suppressWrites(deps.connectors, (request) => log.writes.push(request)),
    reviewQueue: recordingReviewQueue(log),
    runStore: deps.runStore,
    knowledge: deps.knowledge,
    log,
  };
}
