/**
 * Temperature scaling (Guo et al. 2017): the T > 0 minimising the negative
 * log-likelihood of softmax(logits / T) on held-out cases. NLL is convex in 1/T,
 * so a golden-section search over log T finds the minimum; T is kept in
 * [0.05, 20] so a perfectly separated slice cannot push it to infinity.
 */
export function meanNegativeLogLikelihood(
  logits: Float32Array,
  labels: Int32Array,
  labelCount: number,
  temperature: number,
): number {
  const n = labels.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const base = i * labelCount;
    let max = -Infinity;
    for (let k = 0; k < labelCount; k++) max = Math.max(max, logits[base + k]!);
    let sum = 0;
    for (let k = 0; k < labelCount; k++) sum += Math.exp((logits[base + k]! - max) / temperature);
    total += Math.log(sum) - (logits[base + labels[i]!]! - max) / temperature;
  }
  return n === 0 ? 0 : total / n;
}

const LOWEST = Math.log(0.05);
const HIGHEST = Math.log(20);
const GOLDEN = (Math.sqrt(5) - 1) / 2;

export function fitTemperature(logits: Float32Array, labels: Int32Array, labelCount: number): number {
  // With one label (or no cases) every temperature fits equally well: leave the logits alone.
  if (labels.length === 0 || labelCount < 2) return 1;
  const loss = (logT: number) => meanNegativeLogLikelihood(logits, labels, labelCount, Math.exp(logT));
  let a = LOWEST;
  let b = HIGHEST;
  let c = b - GOLDEN * (b - a);
  let d = a + GOLDEN * (b - a);
  let fc = loss(c);
  let fd = loss(d);
  for (let iteration = 0; iteration < 60 && b - a > 1e-5; iteration++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - GOLDEN * (b - a);
      fc = loss(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + GOLDEN * (b - a);
      fd = loss(d);
    }
  }
  return Math.exp((a + b) / 2);
}
