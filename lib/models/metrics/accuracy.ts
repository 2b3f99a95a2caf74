/** Share of positions where predicted equals actual. 0 cases → NaN (there is no accuracy to speak of). */
export function accuracy(actual: readonly string[], predicted: readonly string[]): number {
  if (actual.length !== predicted.length) throw new Error("accuracy: actual and predicted differ in length");
  let correct = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i] === predicted[i]) correct++;
  return actual.length === 0 ? Number.NaN : correct / actual.length;
}
