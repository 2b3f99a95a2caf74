import { RE2JS } from "re2js";

/**
 * Regexes from workflow authors run on RE2 (the re2js port): matching time
 * is linear in the input, so no pattern can backtrack catastrophically.
 * RE2 refuses what needs backtracking (back-references, look-around); those
 * are reported when the graph is validated. Inputs are also capped, which
 * bounds the absolute time per match.
 */
export const MAX_REGEX_PATTERN_LENGTH = 1_000;
export const MAX_REGEX_INPUT_LENGTH = 20_000;
const MAX_EVIDENCE_LENGTH = 120;

export interface SafeRegex {
  readonly pattern: string;
  test(text: string): boolean;
  /** The matched text (shortened), or undefined. Slower than test: call it only after a match. */
  find(text: string): string | undefined;
}

export type CompileRegexResult = { ok: true; regex: SafeRegex } | { ok: false; message: string };

function cap(text: string): string {
  return text.length > MAX_REGEX_INPUT_LENGTH ? text.slice(0, MAX_REGEX_INPUT_LENGTH) : text;
}

export function compileSafeRegex(
  pattern: string,
  options: { caseInsensitive?: boolean } = {},
): CompileRegexResult {
  if (pattern.length === 0) return { ok: false, message: "the regex is empty" };
  if (pattern.length > MAX_REGEX_PATTERN_LENGTH) {
    return {
      ok: false,
      message: `the regex is ${pattern.length} characters; the limit is ${MAX_REGEX_PATTERN_LENGTH}`,
    };
  }
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern, options.caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `${message.replace(/^error parsing regexp: /, "")} (patterns run on RE2: no back-references or look-around)`,
    };
  }
  return {
    ok: true,
    regex: {
      pattern,
      test: (text) => compiled.test(cap(text)),
      find(text) {
        const matcher = compiled.matcher(cap(text));
        if (!matcher.find()) return undefined;
        const found = matcher.group(0) ?? "";
        return found.length > MAX_EVIDENCE_LENGTH ? `${found.slice(0, MAX_EVIDENCE_LENGTH)}…` : found;
      },
    },
  };
}
