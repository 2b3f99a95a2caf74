import { z } from "zod";

export const providerKindSchema = z.enum(["openai", "anthropic", "openai-compatible"]);

const baseUrl = z
  .string()
  .trim()
  .url("Enter a full URL, e.g. http://localhost:11434/v1")
  .refine((u) => /^https?:\/\//.test(u), "Use an http or https URL")
  .max(500);

export const providerFieldsSchema = z.object({
  name: z.string().trim().min(1, "Give the provider a name").max(120),
  kind: providerKindSchema,
  /** Required for OpenAI-compatible servers; optional for the others (a proxy, a regional endpoint). */
  baseUrl: baseUrl.nullable(),
  defaultModel: z.string().trim().min(1, "Name the model to use by default").max(200),
  concurrency: z.number().int().min(1).max(64),
  requestsPerMinute: z.number().int().min(1).max(100_000),
  timeoutMs: z.number().int().min(1_000).max(600_000),
  inputCostPerMillion: z.number().min(0).max(10_000),
  outputCostPerMillion: z.number().min(0).max(10_000),
});
export type ProviderFields = z.infer<typeof providerFieldsSchema>;

export const createProviderInput = providerFieldsSchema
  .extend({
    /** Write-only: stored encrypted, never returned. */
    apiKey: z.string().min(1).max(1_000).optional(),
  })
  .superRefine(requireBaseUrlForCompatible);
export type CreateProviderInput = z.infer<typeof createProviderInput>;

export const updateProviderInput = providerFieldsSchema
  .extend({ providerId: z.string().min(1).max(200) })
  .superRefine(requireBaseUrlForCompatible);
export type UpdateProviderInput = z.infer<typeof updateProviderInput>;

export const providerIdInput = z.object({ providerId: z.string().min(1).max(200) });
export const setProviderKeyInput = providerIdInput.extend({ apiKey: z.string().min(1).max(1_000) });

function requireBaseUrlForCompatible(value: { kind: string; baseUrl: string | null }, ctx: z.RefinementCtx) {
  if (value.kind === "openai-compatible" && !value.baseUrl)
    ctx.addIssue({
      code: "custom",
      path: ["baseUrl"],
      message: "An OpenAI-compatible server needs its base URL",
    });
}
