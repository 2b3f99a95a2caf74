import type { KeywordModelRef } from "../model-ref";
import type { ClassifyRequest, ClassifyResult, Models } from "../ports";
import { compileKeywords, type KeywordMatcher } from "../text/keyword-matcher";

/**
 * The deterministic keyword model: counts, per label, how many of its
 * keywords occur in the text.
 *
 *   share      = hits(best) / hits(all labels)
 *   certainty  = 1 − 0.25^hits(best)        (1 hit → 0.75, 2 → 0.94, 3 → 0.98)
 *   confidence = share × certainty
 *
 * So one lone keyword clears a 0.7 threshold, and a text that names two
 * labels equally (share 0.5) never does. No keyword at all → confidence 0.
 */
const compiledByRef = new WeakMap<KeywordModelRef, Map<string, KeywordMatcher>>();

function matchersFor(model: KeywordModelRef): Map<string, KeywordMatcher> {
  let matchers = compiledByRef.get(model);
  if (!matchers) {
    matchers = new Map(
      Object.entries(model.keywords).map(([label, words]) => [label, compileKeywords(words)]),
    );
    compiledByRef.set(model, matchers);
  }
  return matchers;
}

const round = (n: number): number => Math.round(n * 10_000) / 10_000;

export function classifyByKeywords(
  text: string,
  labels: readonly string[],
  model: KeywordModelRef,
): ClassifyResult {
  const matchers = matchersFor(model);
  const lower = text.toLowerCase();
  const hitsByLabel = labels.map((label) => matchers.get(label)?.allMatches(lower) ?? []);
  const total = hitsByLabel.reduce((sum, hits) => sum + hits.length, 0);
  if (total === 0) {
    return {
      label: labels[0] ?? "",
      confidence: 0,
      explanation: "no keyword matched",
      scores: Object.fromEntries(labels.map((l) => [l, 0])),
    };
  }
  let bestIndex = 0;
  hitsByLabel.forEach((hits, i) => {
    if (hits.length > (hitsByLabel[bestIndex]?.length ?? 0)) bestIndex = i;
  });
  const bestHits = hitsByLabel[bestIndex] ?? [];
  const confidence = (bestHits.length / total) * (1 - 0.25 ** bestHits.length);
  return {
    label: labels[bestIndex] ?? "",
    confidence: round(confidence),
    explanation: `keywords: ${bestHits.join(", ")}`,
    scores: Object.fromEntries(labels.map((l, i) => [l, round((hitsByLabel[i]?.length ?? 0) / total)])),
  };
}

/** A Models port that answers keyword model refs and refuses the rest. */
export const keywordModels: Models = {
  classify(request: ClassifyRequest): ClassifyResult {
    if (request.model.kind !== "keyword") {
      throw new ModelUnavailableError(request.model.kind);
    }
    return classifyByKeywords(request.text, request.labels, request.model);
  },
};

export class ModelUnavailableError extends Error {
  constructor(readonly kind: string) {
    super(`no model provider is configured for "${kind}" models`);
    this.name = "ModelUnavailableError";
  }
}
