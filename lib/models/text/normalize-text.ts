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

export function normalizeText(raw: string, maxChars: number): string {
  let text = raw.length > maxChars ? raw.slice(0, maxChars) : raw;
  text = stripHtmlComments(text);
  text = text
    .replace(/<\/?[a-zA-Z][^<>]{0,300}>/g, " ")
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name] ?? " ")
    .replace(/\b(?:https?:\/\/|www\.)[^\s<>()"'`]{1,2000}/gi, " url ")
    .replace(/\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b/g, " email ");
  return text.normalize("NFKC").toLowerCase();
}
