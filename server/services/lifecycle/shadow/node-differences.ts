import type { Outcome, Trace } from "@/lib/engine/run/outcome";
import { encodeOutcomeKey, matchedEntry, outcomeKey } from "../../backtests/outcome-key";

export interface PairedRun {
  externalId: string;
  live: { outcome: Outcome; trace: Trace | null };
  shadow: { outcome: Outcome; trace: Trace | null };
}

export interface NodeDifference {
  nodeId: string;
  name?: string;
  type: string;
  /** Items both versions passed through this node. */
  both: number;
  /** Of those, items where the node took a different way. */
  differing: number;
  /** Items only one version's path went through this node. */
  onlyLive: number;
  onlyShadow: number;
  /** A few items where it differed: the handle each version took ("—" when it did not pass). */
  examples: { externalId: string; live: string; shadow: string }[];
}

export interface VersionComparison {
  items: number;
  /** Items whose final outcome differs. */
  outcomesDiffer: number;
  /** Nodes where the versions differ on at least one item, most differences first. */
  nodes: NodeDifference[];
}

const EXAMPLES = 5;
const NOT_PASSED = "—";

function stepsById(trace: Trace | null) {
  const byId = new Map<string, { type: string; name?: string; handle: string }>();
  for (const step of trace?.steps ?? []) byId.set(step.nodeId, step);
  return byId;
}

const outcomeOf = (run: PairedRun["live"]) =>
  encodeOutcomeKey(outcomeKey(run.outcome, matchedEntry(run.trace ?? undefined)));

/**
 * Where two versions that ran the same items part ways, node by node: a node both passed and left by
 * different handles, or a node only one of them reached. Compared by node id, so a node kept across versions
 * is the same node. Pure.
 */
export function compareVersionsOnItems(pairs: readonly PairedRun[]): VersionComparison {
  const nodes = new Map<string, NodeDifference>();
  let outcomesDiffer = 0;
  for (const pair of pairs) {
    if (outcomeOf(pair.live) !== outcomeOf(pair.shadow)) outcomesDiffer++;
    const live = stepsById(pair.live.trace);
    const shadow = stepsById(pair.shadow.trace);
    for (const nodeId of new Set([...live.keys(), ...shadow.keys()])) {
      const l = live.get(nodeId);
      const s = shadow.get(nodeId);
      const step = (s ?? l)!;
      const node = nodes.get(nodeId) ?? {
        nodeId,
        ...(step.name ? { name: step.name } : {}),
        type: step.type,
        both: 0,
        differing: 0,
        onlyLive: 0,
        onlyShadow: 0,
        examples: [],
      };
      nodes.set(nodeId, node);
      let differs = false;
      if (l && s) {
        node.both++;
        if (l.handle !== s.handle) {
          node.differing++;
          differs = true;
        }
      } else if (l) {
        node.onlyLive++;
        differs = true;
      } else {
        node.onlyShadow++;
        differs = true;
      }
      if (differs && node.examples.length < EXAMPLES) {
        node.examples.push({
          externalId: pair.externalId,
          live: l ? l.handle || "(end)" : NOT_PASSED,
          shadow: s ? s.handle || "(end)" : NOT_PASSED,
        });
      }
    }
  }
  const changes = (n: NodeDifference) => n.differing + n.onlyLive + n.onlyShadow;
  return {
    items: pairs.length,
    outcomesDiffer,
    nodes: [...nodes.values()].filter((n) => changes(n) > 0).sort((a, b) => changes(b) - changes(a)),
  };
}
