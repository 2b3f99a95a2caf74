import { z } from "zod";
import { identifierSchema } from "../../engine/graph/graph-schema";
import { MAX_REGEX_PATTERN_LENGTH } from "../../engine/text/safe-regex";

const ruleId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "use letters, digits, _ and - (at most 64)");
const scalar = z.union([z.string().max(500), z.number(), z.boolean()]);

export const keywordRuleSchema = z.object({
  kind: z.literal("keywords"),
  id: ruleId,
  name: z.string().max(120).optional(),
  /** Whole words or phrases, case-insensitive; a trailing `*` matches any ending. */
  words: z.array(z.string().trim().min(1).max(100)).min(1).max(500),
  /** Defaults to the trigger's text field. */
  field: identifierSchema.optional(),
});
export const regexRuleSchema = z.object({
  kind: z.literal("regex"),
  id: ruleId,
  name: z.string().max(120).optional(),
  /** RE2 syntax (linear time): no back-references or look-around. */
  pattern: z.string().min(1).max(MAX_REGEX_PATTERN_LENGTH),
  caseInsensitive: z.boolean().default(true),
  field: identifierSchema.optional(),
});
export const fieldRuleSchema = z
  .object({
    kind: z.literal("field"),
    id: ruleId,
    name: z.string().max(120).optional(),
    field: identifierSchema,
    equals: scalar.optional(),
    in: z.array(scalar).min(1).max(500).optional(),
  })
  .refine((r) => (r.equals === undefined) !== (r.in === undefined), {
    message: "give either equals or in (exactly one)",
    path: ["equals"],
  });

export const ruleSchema = z.discriminatedUnion("kind", [keywordRuleSchema, regexRuleSchema, fieldRuleSchema]);
export type Rule = z.infer<typeof ruleSchema>;

export const ruleConfigSchema = z
  .object({
    /** Tried in order; the first that matches decides. */
    rules: z.array(ruleSchema).min(1).max(100),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.rules.forEach((rule, i) => {
      if (seen.has(rule.id))
        ctx.addIssue({
          code: "custom",
          path: ["rules", i, "id"],
          message: `rule id "${rule.id}" is used twice`,
        });
      seen.add(rule.id);
    });
  });
export type RuleConfig = z.infer<typeof ruleConfigSchema>;
