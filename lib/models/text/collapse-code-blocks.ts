/** The word a fenced code block becomes: that a case pastes code or a log is a signal; its tokens mostly are not. */
export const CODE_BLOCK_TOKEN = "codeblock";

const FENCE = "```";

/**
 * Replaces every fenced Markdown code block (```…```) with one `codeblock` word.
 * Stack traces and pasted configs otherwise flood the word and character n-grams
 * with identifiers that say little about what kind of case it is, and push the
 * prose past `maxTextChars`. An unclosed fence runs to the end, as Markdown renders it.
 * A plain indexOf scan: linear on any input, no regex to backtrack.
 */
export function collapseCodeBlocks(text: string): string {
  let open = text.indexOf(FENCE);
  if (open < 0) return text;
  let out = "";
  let from = 0;
  while (open >= 0) {
    out += `${text.slice(from, open)} ${CODE_BLOCK_TOKEN} `;
    const close = text.indexOf(FENCE, open + FENCE.length);
    if (close < 0) return out;
    from = close + FENCE.length;
    open = text.indexOf(FENCE, from);
  }
  return out + text.slice(from);
}
