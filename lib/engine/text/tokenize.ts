/**
 * Words for similarity scoring: letters and digits, lower-cased, common
 * English function words dropped, and a light suffix strip so "refunds",
 * "refunded" and "refund" meet.
 */
const WORD = /[\p{L}\p{N}]+/gu;

export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a an and are as at be been but by can could did do does for from had has have hello hi how i if in into is it its " +
    "me my no not of on or our please so than thank thanks that the their them then there these they this to too us " +
    "was we were what when where which who why will with would you your yours am any all just get got im dont cant ive"
  ).split(" "),
);

export function stem(word: string): string {
  if (word.length > 5 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith("ed")) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith("es") && !word.endsWith("ses")) return word.slice(0, -1);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    if (!STOPWORDS.has(word)) out.push(stem(word));
  }
  return out;
}
