import { z } from "zod";
import { identifierSchema } from "../../engine/graph/graph-schema";
import { defineNode, step, type StepResult } from "../../engine/node-definition";
import type { KnowledgeMatch, MaybePromise } from "../../engine/ports";
import { isThenable } from "../../engine/run/maybe-promise";
import type { ThresholdInForce } from "../../engine/run/outcome";
import { buildTfIdfIndex } from "../../engine/text/tfidf";
import { formatThreshold, thresholdInForce } from "../../engine/run/thresholds";
import { checkTextField, thresholdSchema } from "../shared/model-config";

export const knowledgeEntrySchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "use letters, digits, _ and - (at most 64)"),
  title: z.string().min(1).max(200),
  /** What the problem looks like, in the customer's words: this is what is matched. */
  text: z.string().min(1).max(10_000),
  /** The known resolution, offered to a resolve node as {{nodes.<id>.reply}}. */
  reply: z.string().min(1).max(10_000),
});
export type KnowledgeEntry = z.infer<typeof knowledgeEntrySchema>;

export const matchConfigSchema = z
  .object({
    /**
     * `inline`: the entries below, matched by TF-IDF cosine. `knowledge_base`: the workflow's knowledge base
     * (imported or built from a dataset), matched by BM25, or by embeddings when `embedding` names a provider.
     */
    source: z.enum(["inline", "knowledge_base"]).default("inline"),
    entries: z.array(knowledgeEntrySchema).max(500).default([]),
    embedding: z.object({ providerId: z.string().min(1), model: z.string().min(1) }).optional(),
    /** Similarity (0..1) at or above which the best entry counts as a match. */
    threshold: thresholdSchema.default(0.35),
    inputField: identifierSchema.optional(),
  })
  .superRefine((config, ctx) => {
    if (config.source === "inline" && config.entries.length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["entries"],
        message: "add at least one entry, or use the knowledge base",
      });
    const seen = new Set<string>();
    config.entries.forEach((entry, i) => {
      if (seen.has(entry.id))
        ctx.addIssue({
          code: "custom",
          path: ["entries", i, "id"],
          message: `entry id "${entry.id}" is used twice`,
        });
      seen.add(entry.id);
    });
  });
export type MatchConfig = z.infer<typeof matchConfigSchema>;

export const matchNode = defineNode<MatchConfig>({
  type: "match",
  label: "Match known resolution",
  group: "decision",
  description: "Finds the closest entry in a knowledge base of known resolutions, with a similarity score.",
  configSchema: matchConfigSchema,
  defaultConfig: {
    source: "inline",
    entries: [
      {
        id: "password-reset",
        title: "Password reset",
        text: "I forgot my password and cannot log in; reset password link",
        reply: "You can reset your password from the sign-in page with “Forgot password”.",
      },
    ],
    threshold: 0.35,
  },
  terminal: false,
  outputHandles: () => [
    { id: "matched", label: "Matched" },
    { id: "no_match", label: "No match" },
  ],
  summary: (config) =>
    config.source === "knowledge_base"
      ? `knowledge base${config.embedding ? " (embeddings)" : ""} (≥ ${config.threshold.toFixed(2)})`
      : `${config.entries.length} known resolutions (≥ ${config.threshold.toFixed(2)})`,
  check: (config, context) => checkTextField(config.inputField, context),
  prepare(config, { nodeId, itemShape }) {
    const field = config.inputField ?? itemShape.textField;
    const fromGraph = Object.freeze({ value: config.threshold, source: "graph" as const });
    const findInline = config.source === "inline" ? inlineMatcher(config.entries) : undefined;
    const embedding = config.embedding;
    return (run) => {
      const value = run.item[field];
      const text = typeof value === "string" ? value : "";
      const threshold = thresholdInForce(run, nodeId, fromGraph);
      const inputs = run.tracing ? { [`item.${field}`]: text } : undefined;
      if (findInline) return decide(findInline(text), threshold, inputs);
      const knowledge = run.ports.knowledge;
      if (!knowledge) return decide(undefined, threshold, inputs, "this run has no knowledge base");
      let found: MaybePromise<KnowledgeMatch | undefined>;
      try {
        found = knowledge.match({ text, embedding });
      } catch (error) {
        return decide(undefined, threshold, inputs, failure(error));
      }
      if (isThenable(found))
        return Promise.resolve(found).then(
          (match) => decide(match, threshold, inputs),
          (error: unknown) => decide(undefined, threshold, inputs, failure(error)),
        );
      return decide(found, threshold, inputs);
    };
  },
});

function failure(error: unknown): string {
  return `the knowledge base could not answer: ${error instanceof Error ? error.message : String(error)}`;
}

/** Inline entries: TF-IDF cosine, built once per compile. */
function inlineMatcher(entries: readonly KnowledgeEntry[]) {
  const index = buildTfIdfIndex(entries.map((e) => ({ id: e.id, text: `${e.title}\n${e.text}` })));
  const byId = new Map(entries.map((e) => [e.id, e]));
  return (text: string): KnowledgeMatch | undefined => {
    const best = index.rank(text)[0];
    const entry = best && best.score > 0 ? byId.get(best.id) : undefined;
    if (!entry || !best) return undefined;
    return {
      entryId: entry.id,
      title: entry.title,
      reply: entry.reply,
      similarity: best.score,
      method: "tfidf",
    };
  };
}

function decide(
  match: KnowledgeMatch | undefined,
  threshold: ThresholdInForce,
  inputs: Record<string, unknown> | undefined,
  why = "no entry shares a word",
): StepResult {
  if (!match) {
    return step({
      handle: "no_match",
      confidence: 0,
      threshold,
      inputs,
      output: { matched: false, score: 0 },
      detail: why,
    });
  }
  const score = match.similarity;
  const matched = score >= threshold.value;
  const shown = `"${match.title}" at ${formatThreshold(score)}`;
  return step({
    handle: matched ? "matched" : "no_match",
    alternateHandle: matched ? undefined : "matched",
    confidence: score,
    threshold,
    inputs,
    output: { matched, entryId: match.entryId, title: match.title, reply: match.reply, score },
    detail: matched
      ? `${shown} ≥ threshold ${formatThreshold(threshold.value)}`
      : `best ${shown} < threshold ${formatThreshold(threshold.value)}`,
  });
}
