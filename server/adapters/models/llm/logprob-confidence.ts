/** One generated token with its log-probability, as OpenAI-style chat completions return them. */
export interface TokenLogprob {
  token: string;
  logprob: number;
}

/**
 * The probability the model gave the label it wrote: the product of the probabilities of the tokens that spell
 * the label's value in the JSON answer (`{"label":"billing",…}`). Undefined when the tokens do not spell the
 * answer (a provider that returned logprobs for something else), so the caller falls back to uncalibrated.
 */
export function labelProbabilityFromLogprobs(
  tokens: readonly TokenLogprob[],
  label: string,
): number | undefined {
  if (tokens.length === 0) return undefined;
  const text = tokens.map((t) => t.token).join("");
  const key = /"label"\s*:\s*"/.exec(text);
  if (!key) return undefined;
  const start = key.index + key[0].length;
  const encoded = JSON.stringify(label).slice(1, -1);
  if (text.slice(start, start + encoded.length) !== encoded) return undefined;
  const end = start + encoded.length;
  let offset = 0;
  let sum = 0;
  for (const token of tokens) {
    const tokenStart = offset;
    offset += token.token.length;
    // Every token that carries a character of the value counts; the closing quote often shares a token.
    if (offset > start && tokenStart < end) {
      if (!Number.isFinite(token.logprob)) return undefined;
      sum += token.logprob;
    }
  }
  return Math.min(1, Math.max(0, Math.exp(sum)));
}

/** Logprob arrays in the shapes the providers return them, or undefined. */
export function readTokenLogprobs(value: unknown): TokenLogprob[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: TokenLogprob[] = [];
  for (const entry of value) {
    if (!entry || typeof entry !== "object") return undefined;
    const { token, logprob } = entry as { token?: unknown; logprob?: unknown };
    if (typeof token !== "string" || typeof logprob !== "number") return undefined;
    out.push({ token, logprob });
  }
  return out;
}
