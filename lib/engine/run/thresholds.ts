import type { RunContext } from "../node-definition";
import type { ThresholdInForce } from "./outcome";

/** The graph's threshold for a node, unless the run carries an override for it. */
export function thresholdInForce(
  run: RunContext,
  nodeId: string,
  fromGraph: ThresholdInForce,
): ThresholdInForce {
  const override = run.thresholdOverrides?.[nodeId];
  return override === undefined ? fromGraph : { value: override, source: "override" };
}

export function formatThreshold(value: number): string {
  return value.toFixed(2);
}
