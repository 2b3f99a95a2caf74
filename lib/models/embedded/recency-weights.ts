const DAY_MS = 86_400_000;

/**
 * Weights that halve every `halfLifeDays` before the latest case, rescaled to mean 1
 * (so the learning rate means the same with or without them). Under drift the
 * latest weeks say most about the weeks to come. Null when there is nothing to
 * weigh: no half-life, or a case without a time.
 */
export function recencyWeights(
  cases: ReadonlyArray<{ occurredAt?: Date }>,
  halfLifeDays: number | null,
): Float32Array | null {
  if (halfLifeDays === null || cases.length === 0) return null;
  if (!(halfLifeDays > 0)) throw new Error("recencyWeights: the half-life must be positive");
  let latest = -Infinity;
  for (const c of cases) {
    const time = c.occurredAt?.getTime();
    if (time === undefined || Number.isNaN(time)) return null;
    if (time > latest) latest = time;
  }
  const weights = new Float32Array(cases.length);
  let sum = 0;
  cases.forEach((c, i) => {
    const ageDays = (latest - c.occurredAt!.getTime()) / DAY_MS;
    sum += weights[i] = Math.pow(0.5, ageDays / halfLifeDays);
  });
  const scale = cases.length / sum;
  for (let i = 0; i < weights.length; i++) weights[i]! *= scale;
  return weights;
}
