import { collapseCodeBlocks } from "./collapse-code-blocks";

/**
 * Turns raw case text (often Markdown with HTML comments from issue templates,
 * pasted HTML, URLs) into lower-case prose for tokenising.
 *
 * Hostile input is normal here, so every pattern is bounded: the text is cut to
 * `maxChars` first, and no regex can backtrack beyond a fixed window.
 */
const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  "#39": "'",
};

/** Template boilerplate such as `<!-- Please describe... -->` says nothing about the case itself. */
function stripHtmlComments(text: string): string {
  let out = "";
  let from = 0;
  for (;;) {
    const open = text.indexOf("<!--", from);
    if (open < 0) return out + text.slice(from);
    out += text.slice(from, open) + " ";
    const close = text.indexOf("-->", open + 4);
    if (close < 0) return out; // an unclosed comment runs to the end, as in a browser
    from = close + 3;
  }
}

/** How much raw text is scanned for code fences before the cut to `maxChars`: bounds the work on huge pastes. */
const CODE_SCAN_FACTOR = 8;

export interface NormalizeTextOptions {
  /** Collapse fenced code blocks into one `codeblock` word before cutting the text to `maxChars`. */
  collapseCode?: boolean;
}

export function normalizeText(raw: string, maxChars: number, options: NormalizeTextOptions = {}): string {
  let text = raw;
  if (options.collapseCode) {
    const scanned =
      text.length > maxChars * CODE_SCAN_FACTOR ? text.slice(0, maxChars * CODE_SCAN_FACTOR) : text;
    text = collapseCodeBlocks(scanned);
  }
  if (text.length > maxChars) text = text.slice(0, maxChars);
  text = stripHtmlComments(text);
  text = text
    .replace(/<\/?[a-zA-Z][^<>]{0,300}>/g, " ")
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name] ?? " ")
    .replace(/\b(?:https?:\/\/|www\.)[^\s<>()"'`]{1,2000}/gi, " url ")
    .replace(/\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b/g, " email ");
  return text.normalize("NFKC").toLowerCase();
}
