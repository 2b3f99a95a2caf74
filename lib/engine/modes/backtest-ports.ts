import type { KnowledgeBase, Models, Ports, RunStore } from "../ports";
import { simulatedClock, type SimulatedClock } from "./clocks";
import { recordedReadsGateway, type RecordedReads } from "./recorded-reads";
import { createSideEffectLog, recordingReviewQueue, type SideEffectLog } from "./side-effect-log";
import { suppressWrites } from "./suppress-writes";

export interface BacktestPortDeps {
  models: Models;
  /** What reads return (recorded with the item, or a fixture). Missing reads answer `unavailable`. */
  recordedReads?: RecordedReads;
  /** Real elapsed time for trace durations (e.g. performance.now); durations read 0 without it. */
  timer?: () => number;
  runStore?: RunStore;
  knowledge?: KnowledgeBase;
  log?: SideEffectLog;
}

/**
 * Backtest: replays history. The clock stands at each item's occurred-at
 * time; reads come from recordings; writes are never sent, only recorded;
 * escalations are recorded instead of creating review tasks.
 */
export function backtestPorts(deps: BacktestPortDeps): Ports & { log: SideEffectLog; clock: SimulatedClock } {
  const log = deps.log ?? createSideEffectLog();
  return {
    clock: simulatedClock(0, deps.timer),
    models: deps.models,
    connectors: suppressWrites(recordedReadsGateway(deps.recordedReads ?? {}), (request) =>
      log.writes.push(request),
    ),
    reviewQueue: recordingReviewQueue(log),
    runStore: deps.runStore,
    knowledge: deps.knowledge,
    log,
  };
}
