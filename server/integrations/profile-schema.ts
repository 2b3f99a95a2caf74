import { z } from "zod";

/**
 * The integration profile: the questions an admin answers before a workflow may use a system. Each answer
 * is stored as given; `profileCompleteness` (profile.ts) says which are still open.
 */

export const dataFormatSchema = z.enum(["json", "xml", "csv", "other"]);

export const rateLimitSchema = z.object({
  requestsPerSecond: z.number().positive("Requests per second must be above 0.").max(10_000),
  burst: z.number().int().min(1, "Burst must be at least 1.").max(10_000),
});
export type RateLimit = z.infer<typeof rateLimitSchema>;

export const latencySchema = z
  .object({
    p50Ms: z.number().int().positive().max(600_000),
    p95Ms: z.number().int().positive().max(600_000),
  })
  .refine((latency) => latency.p95Ms >= latency.p50Ms, {
    message: "p95 latency cannot be below p50.",
    path: ["p95Ms"],
  });

export const unavailablePolicySchema = z.discriminatedUnion("policy", [
  /** Park the item and try again; after `maxWaitMinutes` it escalates instead of waiting for ever. */
  z.object({ policy: z.literal("retry_later"), maxWaitMinutes: z.number().int().min(1).max(10_080) }),
  /** Take the node's fallback branch. */
  z.object({ policy: z.literal("fallback") }),
  /** Send the item to a reviewer with reason `connector`. */
  z.object({ policy: z.literal("escalate") }),
]);
export type UnavailablePolicy = z.infer<typeof unavailablePolicySchema>;

export const integrationProfileSchema = z.object({
  /** Whether a program can reach the system at all, or only people in its own interface. */
  access: z.enum(["api", "human_only"]),
  /** What data it exposes, in plain words. */
  dataExposed: z.string().trim().min(1).max(2000),
  dataFormat: dataFormatSchema,
  rateLimit: rateLimitSchema,
  latency: latencySchema,
  /** Tasks that still need a person in the vendor's interface; an empty list means every task is programmatic. */
  humanTasks: z.array(z.string().trim().min(1).max(300)).max(50),
  onUnavailable: unavailablePolicySchema,
});
export type IntegrationProfile = z.infer<typeof integrationProfileSchema>;

/** Any subset of the answers, each valid on its own: what is stored while the profile is being filled in. */
export const integrationProfileDraftSchema = integrationProfileSchema.partial();
export type IntegrationProfileDraft = z.infer<typeof integrationProfileDraftSchema>;
