import { tokenize } from "./tokenize";

/**
 * TF-IDF cosine similarity between a query and a small document set (a
 * knowledge base of known resolutions). Pure and deterministic; the model
 * layer may later offer embeddings instead through the Models port.
 */
export interface ScoredDocument {
  id: string;
  score: number;
}
export interface TfIdfIndex {
  /** Documents by descending score (ties keep document order). */
  rank(text: string): ScoredDocument[];
}

const MAX_QUERY_CHARS = 20_000;

function termCounts(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

export function buildTfIdfIndex(documents: ReadonlyArray<{ id: string; text: string }>): TfIdfIndex {
  const docTerms = documents.map((d) => termCounts(tokenize(d.text)));
  const documentFrequency = new Map<string, number>();
  for (const terms of docTerms)
    for (const term of terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const n = documents.length;
  const idf = (df: number): number => Math.log((n + 1) / (df + 1)) + 1;
  // Words no document has still weigh in the query's length, as rarely as possible words do.
  const unseenIdf = idf(0);
  const norms = new Float64Array(n);
  // term → the documents holding it with its weight there: a query touches only its own terms' documents.
  const postings = new Map<string, Array<[document: number, weight: number]>>();
  docTerms.forEach((terms, document) => {
    let norm = 0;
    for (const [term, count] of terms) {
      const w = (1 + Math.log(count)) * idf(documentFrequency.get(term) ?? 0);
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push([document, w]);
      norm += w * w;
    }
    norms[document] = Math.sqrt(norm);
  });
  const dots = new Float64Array(n);

  return {
    rank(text) {
      const query = termCounts(
        tokenize(text.length > MAX_QUERY_CHARS ? text.slice(0, MAX_QUERY_CHARS) : text),
      );
      let queryNorm = 0;
      dots.fill(0);
      for (const [term, count] of query) {
        const df = documentFrequency.get(term);
        const w = (1 + Math.log(count)) * (df === undefined ? unseenIdf : idf(df));
        queryNorm += w * w;
        const list = postings.get(term);
        if (list) for (const [document, weight] of list) dots[document]! += w * weight;
      }
      queryNorm = Math.sqrt(queryNorm);
      const scored = documents.map((doc, i) => {
        const norm = norms[i]!;
        if (queryNorm === 0 || norm === 0) return { id: doc.id, score: 0 };
        return { id: doc.id, score: Math.round((dots[i]! / (queryNorm * norm)) * 1e6) / 1e6 };
      });
      return scored.sort((a, b) => b.score - a.score);
    },
  };
}
