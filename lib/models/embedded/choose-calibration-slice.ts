import { mulberry32 } from "../random/mulberry32";
import { shuffleInPlace } from "../random/shuffle-in-place";

export type CalibrationSliceMethod = "latest-by-time" | "stratified-random";

export interface CalibrationSlice {
  /** Indices the slice model is trained on. */
  fit: number[];
  /** Indices held out for temperature scaling and the recorded metrics. */
  heldOut: number[];
  method: CalibrationSliceMethod;
}

/**
 * The held-out slice mirrors how the model will be used: when every case has a
 * time, the latest `fraction` of them (the model will predict the future);
 * otherwise a stratified random slice, so every label with ≥ 2 cases is in both.
 * `method` forces one or the other.
 */
export function chooseCalibrationSlice(
  cases: ReadonlyArray<{ label: string; occurredAt?: Date }>,
  fraction: number,
  seed: number,
  method: "auto" | CalibrationSliceMethod = "auto",
): CalibrationSlice {
  const n = cases.length;
  const timed = n > 0 && cases.every((c) => c.occurredAt !== undefined);
  if (method === "latest-by-time" && !timed)
    throw new Error("a latest-by-time slice needs every case to have a time");
  if (method === "latest-by-time" || (method === "auto" && timed)) {
    // Stable: equal times keep their input order.
    const byTime = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => cases[a]!.occurredAt!.getTime() - cases[b]!.occurredAt!.getTime() || a - b,
    );
    const heldOutCount = Math.min(n - 1, Math.ceil(n * fraction));
    return {
      fit: byTime.slice(0, n - heldOutCount).sort((a, b) => a - b),
      heldOut: byTime.slice(n - heldOutCount).sort((a, b) => a - b),
      method: "latest-by-time",
    };
  }
  const random = mulberry32(seed ^ 0x5bd1e995);
  const byLabel = new Map<string, number[]>();
  cases.forEach((c, i) => {
    const indices = byLabel.get(c.label);
    if (indices) indices.push(i);
    else byLabel.set(c.label, [i]);
  });
  const fit: number[] = [];
  const heldOut: number[] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const indices = shuffleInPlace(byLabel.get(label)!, random);
    const take = indices.length < 2 ? 0 : Math.min(indices.length - 1, Math.round(indices.length * fraction));
    heldOut.push(...indices.slice(0, take));
    fit.push(...indices.slice(take));
  }
  return {
    fit: fit.sort((a, b) => a - b),
    heldOut: heldOut.sort((a, b) => a - b),
    method: "stratified-random",
  };
}
