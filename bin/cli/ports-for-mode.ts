import { performance } from "node:perf_hooks";
import { backtestPorts } from "../../lib/engine/modes/backtest-ports";
import { livePorts } from "../../lib/engine/modes/live-ports";
import { unconfiguredGateway, type RecordedReads } from "../../lib/engine/modes/recorded-reads";
import { shadowPorts } from "../../lib/engine/modes/shadow-ports";
import {
  createSideEffectLog,
  recordingReviewQueue,
  type SideEffectLog,
} from "../../lib/engine/modes/side-effect-log";
import { routeModels } from "../../lib/engine/models/route-models";
import type { Clock, Ports } from "../../lib/engine/ports";

export const MODES = ["live", "backtest", "shadow"] as const;
export type Mode = (typeof MODES)[number];

// The CLI is outside lib/: here the real clock may be read.
const systemClock: Clock = { now: () => Date.now(), monotonic: () => performance.now() };

/**
 * The CLI has no integrations and no server: connectors answer `unavailable`
 * (saying they are not configured) except for reads given with --reads in a
 * backtest; review tasks are kept locally and shown in the output.
 */
export function portsForMode(
  mode: Mode,
  recordedReads: RecordedReads | undefined,
): { ports: Ports; log: SideEffectLog } {
  const models = routeModels();
  const log = createSideEffectLog();
  switch (mode) {
    case "live":
      return {
        ports: livePorts({
          clock: systemClock,
          models,
          connectors: unconfiguredGateway(),
          reviewQueue: recordingReviewQueue(log),
        }),
        log,
      };
    case "shadow":
      return {
        ports: shadowPorts({ clock: systemClock, models, connectors: unconfiguredGateway(), log }),
        log,
      };
    case "backtest":
      return {
        ports: backtestPorts({
          models,
          recordedReads: recordedReads ?? {},
          timer: () => performance.now(),
          log,
        }),
        log,
      };
  }
}
