import MiniSearch from "minisearch";

/**
 * BM25 ranking over a small corpus (a knowledge base), with a similarity in [0, 1].
 *
 * MiniSearch ranks (BM25+, k = 1.2, b = 0.7, d = 0.5; no fuzzy or prefix matching, so a score is pure BM25).
 * A raw BM25 score has no upper limit, so it is divided by the most the same query could ever score: for each
 * distinct query term, idf × (d + k + 1), the term weight as its frequency grows without bound. A query term
 * the corpus never uses still counts in that maximum, so text about something else scores low.
 *
 *   similarity = Σ_{t ∈ q ∩ d} idf(t) · (d + tf·(k+1) / (tf + k·(1 − b + b·|d|/avg|d|)))  ÷  Σ_{t ∈ q} idf(t) · (d + k + 1)
 */
export interface Bm25Document {
  id: string;
  text: string;
}
export interface Bm25Hit {
  id: string;
  /** 0..1, see above. */
  similarity: number;
}

const PARAMS = { k: 1.2, b: 0.7, d: 0.5 };
const tokenize = MiniSearch.getDefault("tokenize") as (text: string) => string[];
const processTerm = MiniSearch.getDefault("processTerm") as (
  term: string,
) => string | null | undefined | false;

function termsOf(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    const term = processTerm(token);
    if (typeof term === "string" && term.length > 0) out.push(term);
  }
  return out;
}

export interface Bm25Index {
  rank(query: string, limit?: number): Bm25Hit[];
  size: number;
}

export function buildBm25Index(documents: readonly Bm25Document[]): Bm25Index {
  const search = new MiniSearch<Bm25Document>({
    fields: ["text"],
    idField: "id",
    searchOptions: { bm25: PARAMS },
  });
  search.addAll(documents);
  const documentFrequency = new Map<string, number>();
  for (const doc of documents) {
    for (const term of new Set(termsOf(doc.text)))
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const total = documents.length;
  const idf = (term: string) => {
    const df = documentFrequency.get(term) ?? 0;
    return Math.log(1 + (total - df + 0.5) / (df + 0.5));
  };
  return {
    size: total,
    rank(query, limit = 5) {
      const terms = [...new Set(termsOf(query))];
      if (terms.length === 0 || total === 0) return [];
      const ceiling = terms.reduce((sum, term) => sum + idf(term) * (PARAMS.d + PARAMS.k + 1), 0);
      const results = search.search(terms.join(" "), { combineWith: "OR", fuzzy: false, prefix: false });
      return results.slice(0, limit).map((result) => {
        // MiniSearch multiplies an OR score by the number of query terms matched; undo it to get plain BM25.
        const bm25 = result.score / Math.max(1, result.terms.length);
        return { id: String(result.id), similarity: Math.min(1, Math.max(0, bm25 / ceiling)) };
      });
    },
  };
}
