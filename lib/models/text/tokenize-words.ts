/**
 * Words are runs of letters, digits and underscores (so `getState`, `tf.keras` → `tf`, `keras`).
 * An apostrophe inside a word keeps it whole (`hasn't`), because the negation matters.
 */
const WORD = /[\p{L}\p{N}_]+(?:['’][\p{L}]+)?/gu;

export function tokenizeWords(normalized: string, maxTokens: number): string[] {
  const tokens: string[] = [];
  WORD.lastIndex = 0;
  for (
    let match = WORD.exec(normalized);
    match !== null && tokens.length < maxTokens;
    match = WORD.exec(normalized)
  ) {
    tokens.push(match[0].replace("’", "'"));
  }
  return tokens;
}
