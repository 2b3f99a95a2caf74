import { z } from "zod";
import { identifierSchema } from "../../engine/graph/graph-schema";
import { defineNode, step } from "../../engine/node-definition";
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
    entries: z.array(knowledgeEntrySchema).min(1).max(500),
    /** TF-IDF cosine similarity at or above which the best entry counts as a match. */
    threshold: thresholdSchema.default(0.35),
    inputField: identifierSchema.optional(),
  })
  .superRefine((config, ctx) => {
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
  summary: (config) => `${config.entries.length} known resolutions (≥ ${config.threshold.toFixed(2)})`,
  check: (config, context) => checkTextField(config.inputField, context),
  prepare(config, { nodeId, itemShape }) {
    const index = buildTfIdfIndex(config.entries.map((e) => ({ id: e.id, text: `${e.title}\n${e.text}` })));
    const byId = new Map(config.entries.map((e) => [e.id, e]));
    const field = config.inputField ?? itemShape.textField;
    const fromGraph = Object.freeze({ value: config.threshold, source: "graph" as const });
    return (run) => {
      const value = run.item[field];
      const text = typeof value === "string" ? value : "";
      const threshold = thresholdInForce(run, nodeId, fromGraph);
      const best = index.rank(text)[0];
      const entry = best && best.score > 0 ? byId.get(best.id) : undefined;
      const score = best?.score ?? 0;
      const inputs = run.tracing ? { [`item.${field}`]: text } : undefined;
      if (!entry) {
        return step({
          handle: "no_match",
          confidence: 0,
          threshold,
          inputs,
          output: { matched: false, score: 0 },
          detail: "no entry shares a word",
        });
      }
      const matched = score >= threshold.value;
      const shown = `"${entry.title}" at ${formatThreshold(score)}`;
      return step({
        handle: matched ? "matched" : "no_match",
        alternateHandle: matched ? undefined : "matched",
        confidence: score,
        threshold,
        inputs,
        output: { matched, entryId: entry.id, title: entry.title, reply: entry.reply, score },
        detail: matched
          ? `${shown} ≥ threshold ${formatThreshold(threshold.value)}`
          : `best ${shown} < threshold ${formatThreshold(threshold.value)}`,
      });
    };
  },
});
