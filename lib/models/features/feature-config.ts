import { z } from "zod";

/**
 * How a case becomes a sparse vector. Stored inside every model, so prediction
 * featurises exactly as training did.
 *
 * Each block (words, chars, fields) is TF-IDF weighted, L2-normalised on its own,
 * then scaled by its block weight: a long text cannot drown the structured fields.
 */
export const featureConfigSchema = z.object({
  /** 0: no word features; 1: unigrams; 2: unigrams + bigrams. */
  wordNgrams: z.number().int().min(0).max(3),
  /** Character n-grams inside word boundaries (`" card "` → `" c"`, `"ca"`, ...); null disables. */
  charNgrams: z.tuple([z.number().int().min(1), z.number().int().min(1)]).nullable(),
  /** 1 + ln(tf) instead of tf: the tenth "error" in a stack trace adds little. */
  sublinearTf: z.boolean(),
  /**
   * "collapse": each fenced Markdown code block becomes one `codeblock` word before
   * the text is cut to `maxTextChars`. Defaults to "keep" when absent, which is how
   * models stored before this option featurised (so they still predict identically).
   */
  codeBlocks: z.enum(["keep", "collapse"]).default("keep"),
  /** Text beyond this is ignored: bounds cost on pasted logs, and the start of a case says most. */
  maxTextChars: z.number().int().positive(),
  /**
   * Fields holding short free text (an issue title, an e-mail subject): their words
   * (uni- and bigrams) join the word block under a namespace of their own, so
   * "how" in a title weighs apart from "how" in the body. They are not categorical.
   */
  textFields: z.array(z.string()),
  /** Pairs (or more) of fields whose joint value is a feature of its own, e.g. category × subcategory. */
  fieldCrosses: z.array(z.array(z.string()).min(2)),
  blockWeights: z.object({ words: z.number().min(0), chars: z.number().min(0), fields: z.number().min(0) }),
  /** A feature seen in fewer training cases than this gets no column. */
  minDocumentFrequency: z.number().int().min(1),
  /** The most frequent features win a column; the rest are dropped (bounds model size). */
  maxFeatures: z.number().int().positive(),
  /**
   * A cap on columns × labels, so a many-label model stays small: at one byte a
   * weight, 3M weights is 3 MB (4 MB as base64). 77 labels then keep ~39k columns.
   */
  maxWeights: z.number().int().positive(),
});
export type FeatureConfig = z.infer<typeof featureConfigSchema>;

export const defaultFeatureConfig: FeatureConfig = {
  wordNgrams: 2,
  charNgrams: [2, 5],
  sublinearTf: true,
  codeBlocks: "collapse",
  maxTextChars: 6000,
  textFields: [],
  fieldCrosses: [],
  blockWeights: { words: 1, chars: 1, fields: 1 },
  minDocumentFrequency: 2,
  maxFeatures: 60_000,
  maxWeights: 3_000_000,
};

export function resolveFeatureConfig(overrides: Partial<FeatureConfig> | undefined): FeatureConfig {
  return featureConfigSchema.parse({ ...defaultFeatureConfig, ...overrides });
}
