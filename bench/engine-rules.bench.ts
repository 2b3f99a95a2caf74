/**
 * engine.rules: 200,000 items through the 12-node rules-only tree, by the
 * engine (outcome only, and with the full trace) and by the hand-written
 * floor, interleaved in chunks after a warm-up; medians of several rounds.
 * The engine runs through runItemSync (every port here is synchronous);
 * async_items_per_s shows the always-a-Promise runItem for scale.
 */
import { performance } from "node:perf_hooks";
import { compileGraph } from "../lib/engine/compile/compile-graph";
import { keywordModels } from "../lib/engine/models/keyword-model";
import { createSideEffectLog, recordingReviewQueue } from "../lib/engine/modes/side-effect-log";
import { unconfiguredGateway } from "../lib/engine/modes/recorded-reads";
import type { Ports } from "../lib/engine/ports";
import { runItem, runItemSync } from "../lib/engine/run/run-item";
import { heapMb, median, round } from "./measure";
import { rulesTreeGraph } from "./rules-tree/graph";
import { handwrittenRulesTree } from "./rules-tree/handwritten";
import { makeItems } from "./rules-tree/items";

const ITEMS = 200_000;
const ROUNDS = 5;
const CHUNK = 5_000;

export async function run(): Promise<Record<string, unknown>> {
  const items = makeItems(ITEMS);
  const compiled = compileGraph(rulesTreeGraph);
  const log = createSideEffectLog();
  const ports: Ports = {
    clock: { now: () => Date.now(), monotonic: () => performance.now() },
    models: keywordModels,
    connectors: unconfiguredGateway(),
    reviewQueue: recordingReviewQueue(log),
  };
  const outcomeOnly = { ports, trace: false };
  const traced = { ports, trace: true };

  // The two must agree on every item before their speeds mean anything.
  for (const item of items) {
    const engine = JSON.stringify(runItemSync(compiled, item, outcomeOnly).outcome);
    const floor = JSON.stringify(handwrittenRulesTree(item));
    if (engine !== floor)
      throw new Error(`engine and hand-written tree disagree on ${String(item.id)}:\n${engine}\n${floor}`);
  }
  log.clear();

  let sink = 0;
  const engineChunk = (from: number, to: number) => {
    for (let i = from; i < to; i++) sink += runItemSync(compiled, items[i], outcomeOnly).outcome.type.length;
  };
  const tracedChunk = (from: number, to: number) => {
    for (let i = from; i < to; i++) sink += runItemSync(compiled, items[i], traced).trace!.steps.length;
  };
  const floorChunk = (from: number, to: number) => {
    for (let i = from; i < to; i++) sink += handwrittenRulesTree(items[i]).type.length;
  };
  const variants = [engineChunk, floorChunk, tracedChunk];

  // Warm-up: let all three reach optimised code.
  for (const variant of variants) variant(0, ITEMS);
  log.clear();

  // Interleaved in chunks, rotating the order, so a busy machine slows all three alike.
  let peak = heapMb();
  const perRound: Array<[number, number, number]> = [];
  for (let r = 0; r < ROUNDS; r++) {
    const elapsed: [number, number, number] = [0, 0, 0];
    for (let from = 0, chunk = 0; from < ITEMS; from += CHUNK, chunk++) {
      for (let k = 0; k < variants.length; k++) {
        const v = (k + chunk) % variants.length;
        const started = performance.now();
        variants[v]!(from, Math.min(from + CHUNK, ITEMS));
        elapsed[v] = elapsed[v]! + (performance.now() - started);
      }
      peak = Math.max(peak, heapMb());
      log.clear();
    }
    perRound.push(elapsed);
  }
  const rate = (ms: number) => ITEMS / (ms / 1000);
  const engine = perRound.map((e) => rate(e[0]));
  const floor = perRound.map((e) => rate(e[1]));
  const tracedRates = perRound.map((e) => rate(e[2]));
  const ratios = perRound.map((e) => e[1] / e[0]);

  // The Promise-per-item API, for scale (live workers await ports anyway).
  const asyncStarted = performance.now();
  for (let i = 0; i < 50_000; i++)
    sink += (await runItem(compiled, items[i], outcomeOnly)).outcome.type.length;
  const asyncRate = 50_000 / ((performance.now() - asyncStarted) / 1000);
  log.clear();

  const itemsPerS = median(engine);
  const handwritten = median(floor);
  return {
    bench: "engine.rules",
    items: ITEMS,
    nodes: compiled.nodes.length,
    items_per_s: round(itemsPerS),
    traced_items_per_s: round(median(tracedRates)),
    handwritten_items_per_s: round(handwritten),
    ratio: round(median(ratios), 3),
    async_items_per_s: round(asyncRate),
    peak_heap_mb: round(peak, 1),
    rounds: ROUNDS,
    checksum: sink % 1000,
  };
}
