import { z } from "zod";

/**
 * Which model a classify/assess node asks, through the Models port.
 * A discriminated union on `kind`: the model layer adds kinds here; each
 * Models implementation routes on `kind` and answers for the kinds it knows.
 */
export const keywordModelRefSchema = z.object({
  kind: z.literal("keyword"),
  /** label → words or phrases; a trailing `*` matches any ending (`refund*`). */
  keywords: z.record(z.string(), z.array(z.string().min(1).max(100)).max(500)),
});
export const embeddedModelRefSchema = z.object({ kind: z.literal("embedded"), modelId: z.string().min(1) });
export const llmModelRefSchema = z.object({
  kind: z.literal("llm"),
  providerId: z.string().min(1),
  model: z.string().min(1),
  instructions: z.string().max(8000).optional(),
});

export const modelRefSchema = z.discriminatedUnion("kind", [
  keywordModelRefSchema,
  embeddedModelRefSchema,
  llmModelRefSchema,
]);
export type ModelRef = z.infer<typeof modelRefSchema>;
export type KeywordModelRef = z.infer<typeof keywordModelRefSchema>;
export type ModelKind = ModelRef["kind"];
