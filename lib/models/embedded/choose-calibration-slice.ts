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
  return stratifiedSlice(shuffledByLabel(cases, seed), fraction, 0);
}

/** Each label's case indices in a seeded random order, labels sorted. */
function shuffledByLabel(cases: ReadonlyArray<{ label: string }>, seed: number): number[][] {
  const random = mulberry32(seed ^ 0x5bd1e995);
  const byLabel = new Map<string, number[]>();
  cases.forEach((c, i) => {
    const indices = byLabel.get(c.label);
    if (indices) indices.push(i);
    else byLabel.set(c.label, [i]);
  });
  return [...byLabel.keys()].sort().map((label) => shuffleInPlace(byLabel.get(label)!, random));
}

/** The `fold`-th disjoint stratified slice of `fraction` of each label (a label's only case is never held out). */
function stratifiedSlice(groups: readonly number[][], fraction: number, fold: number): CalibrationSlice {
  const fit: number[] = [];
  const heldOut: number[] = [];
  for (const indices of groups) {
    const take = indices.length < 2 ? 0 : Math.min(indices.length - 1, Math.round(indices.length * fraction));
    const from = Math.min(fold * take, indices.length - take);
    heldOut.push(...indices.slice(from, from + take));
    fit.push(...indices.slice(0, from), ...indices.slice(from + take));
  }
  return {
    fit: fit.sort((a, b) => a - b),
    heldOut: heldOut.sort((a, b) => a - b),
    method: "stratified-random",
  };
}

/**
 * Calibration folds, so the temperature is fitted on `folds` times more held-out
 * cases than one slice gives. By time (rolling origin): fold j holds out the j-th
 * latest run of `fraction` of the cases and fits on everything before it, so the
 * folds also span models trained on less history (the final model predicts further
 * ahead than its last week). Folds whose fit part would fall below `minFitCases` are
 * dropped. Stratified random: `folds` disjoint stratified slices (cross-fitting),
 * as many as `fraction` allows.
 */
export function chooseCalibrationFolds(
  cases: ReadonlyArray<{ label: string; occurredAt?: Date }>,
  fraction: number,
  seed: number,
  method: "auto" | CalibrationSliceMethod,
  folds: number,
  minFitCases: number,
): CalibrationSlice[] {
  const latest = chooseCalibrationSlice(cases, fraction, seed, method);
  if (folds <= 1) return [latest];
  if (latest.method === "stratified-random") {
    const groups = shuffledByLabel(cases, seed);
    const possible = Math.max(1, Math.floor(1 / fraction));
    return Array.from({ length: Math.min(folds, possible) }, (_, j) => stratifiedSlice(groups, fraction, j));
  }
  const byTime = Array.from({ length: cases.length }, (_, i) => i).sort(
    (a, b) => cases[a]!.occurredAt!.getTime() - cases[b]!.occurredAt!.getTime() || a - b,
  );
  const size = latest.heldOut.length;
  const result: CalibrationSlice[] = [latest];
  for (let j = 1; j < folds; j++) {
    const end = cases.length - j * size;
    const start = end - size;
    if (start < minFitCases) break;
    result.push({
      fit: byTime.slice(0, start).sort((a, b) => a - b),
      heldOut: byTime.slice(start, end).sort((a, b) => a - b),
      method: "latest-by-time",
    });
  }
  return result;
}
