/**
 * Whole-word keyword search over lower-cased text, without tokenising it:
 * indexOf for each keyword, then a look at the characters either side.
 * A trailing `*` matches any ending (`refund*` finds "refunds", "refunded").
 * Phrases match as written ("credit card").
 */
export interface KeywordMatcher {
  readonly keywords: readonly string[];
  /** The first keyword (in list order) found in `lowerText`. */
  firstMatch(lowerText: string): string | undefined;
  /** Every keyword found, in list order. */
  allMatches(lowerText: string): string[];
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(code: number, text: string, index: number): boolean {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return WORD_CHAR.test(text.charAt(index));
}

interface Needle {
  keyword: string;
  text: string;
  checkStart: boolean;
  checkEnd: boolean;
}

export function normalizeKeyword(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, " ");
}

function toNeedle(raw: string): Needle | undefined {
  const keyword = normalizeKeyword(raw);
  const prefix = keyword.endsWith("*");
  const text = prefix ? keyword.slice(0, -1).trimEnd() : keyword;
  if (text === "") return undefined;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return {
    keyword,
    text,
    // A keyword that starts or ends with punctuation ("#refund", "c++") has no word edge to check there.
    checkStart: isWordChar(first, text, 0),
    checkEnd: !prefix && isWordChar(last, text, text.length - 1),
  };
}

function occurs(needle: Needle, haystack: string): boolean {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle.text, from);
    if (at < 0) return false;
    const end = at + needle.text.length;
    const startOk =
      !needle.checkStart || at === 0 || !isWordChar(haystack.charCodeAt(at - 1), haystack, at - 1);
    const endOk =
      !needle.checkEnd || end === haystack.length || !isWordChar(haystack.charCodeAt(end), haystack, end);
    if (startOk && endOk) return true;
    from = at + 1;
  }
}

export function compileKeywords(keywords: readonly string[]): KeywordMatcher {
  const needles = keywords.map(toNeedle).filter((n): n is Needle => n !== undefined);
  return {
    keywords: needles.map((n) => n.keyword),
    firstMatch(lowerText) {
      for (const needle of needles) if (occurs(needle, lowerText)) return needle.keyword;
      return undefined;
    },
    allMatches(lowerText) {
      return needles.filter((needle) => occurs(needle, lowerText)).map((n) => n.keyword);
    },
  };
}
