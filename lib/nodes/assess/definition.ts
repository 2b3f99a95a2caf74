import { z } from "zod";
import { identifierSchema } from "../../engine/graph/graph-schema";
import { modelRefSchema } from "../../engine/model-ref";
import {
  defineNode,
  type CheckIssue,
  type ItemShape,
  type RunContext,
  type StepResult,
} from "../../engine/node-definition";
import { thresholdInForce } from "../../engine/run/thresholds";
import { compileRule } from "../rule/compile-rule";
import { ruleSchema } from "../rule/rule-config";
import { ruleNode } from "../rule/definition";
import {
  checkKeywordModel,
  checkTextField,
  errorHandleFor,
  labelSchema,
  modelErrorHandles,
  thresholdSchema,
  uniqueLabels,
} from "../shared/model-config";
import { decideOnConfidence, LOW_CONFIDENCE, modelDecisionStep } from "../shared/model-decision";

const assessRuleSchema = z.object({
  level: labelSchema,
  /** The confidence this rule gives its level. */
  confidence: thresholdSchema.default(1),
  match: ruleSchema,
});

const assessSourceSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("rules"),
    /** Tried in order; the first match sets the level. */
    rules: z.array(assessRuleSchema).max(100),
    /** The level when no rule matches. */
    fallback: z.object({ level: labelSchema, confidence: thresholdSchema.default(1) }),
  }),
  z.object({ kind: z.literal("model"), model: modelRefSchema }),
]);

export const assessConfigSchema = z
  .object({
    /** Ordered from least to most (e.g. low, normal, high, critical). */
    levels: z.array(labelSchema).min(1).max(20),
    source: assessSourceSchema,
    threshold: thresholdSchema.default(0.7),
    /** The text the model (or keyword rules) read; defaults to the trigger's text field. */
    inputField: identifierSchema.optional(),
  })
  .superRefine((config, ctx) => uniqueLabels(config.levels, ctx, "levels"));
export type AssessConfig = z.infer<typeof assessConfigSchema>;

function checkLevels(config: AssessConfig): CheckIssue[] {
  if (config.source.kind !== "rules") return checkKeywordModel(config.source.model, config.levels);
  const known = new Set(config.levels);
  const used = [...config.source.rules.map((r) => r.level), config.source.fallback.level];
  return used
    .filter((level) => !known.has(level))
    .map((level) => ({
      code: "invalid_config",
      message: `level "${level}" is not one of the levels (${config.levels.join(", ")})`,
    }));
}

function prepareRules(config: AssessConfig, nodeId: string, itemShape: ItemShape) {
  if (config.source.kind !== "rules") throw new Error("unreachable");
  const levels = new Set(config.levels);
  const { fallback } = config.source;
  const textField = config.inputField ?? itemShape.textField;
  const rules = config.source.rules.map((r) => ({ ...r, test: compileRule(r.match, textField) }));
  const fromGraph = Object.freeze({ value: config.threshold, source: "graph" as const });
  return (run: RunContext): StepResult => {
    const threshold = thresholdInForce(run, nodeId, fromGraph);
    const inputs = run.tracing ? { [`item.${textField}`]: run.item[textField] } : undefined;
    for (const rule of rules) {
      const evidence = rule.test(run);
      if (evidence !== undefined) {
        const explanation = `rule ${rule.match.id} matched ${JSON.stringify(evidence)}`;
        return decideOnConfidence(
          levels,
          { label: rule.level, confidence: rule.confidence, explanation },
          threshold,
          inputs,
        );
      }
    }
    return decideOnConfidence(
      levels,
      { label: fallback.level, confidence: fallback.confidence, explanation: "no rule matched" },
      threshold,
      inputs,
    );
  };
}

export const assessNode = defineNode<AssessConfig>({
  type: "assess",
  label: "Assess",
  group: "decision",
  description:
    "Scores a level (such as urgency) from ordered rules or a model, with the same confidence threshold as classify.",
  configSchema: assessConfigSchema,
  defaultConfig: {
    levels: ["low", "normal", "high", "critical"],
    source: {
      kind: "rules",
      rules: [
        {
          level: "critical",
          confidence: 1,
          match: { kind: "keywords", id: "outage", words: ["outage", "down"] },
        },
      ],
      fallback: { level: "normal", confidence: 1 },
    },
    threshold: 0.7,
  },
  terminal: false,
  outputHandles: (config) => [
    ...config.levels.map((level) => ({ id: level, label: level })),
    { id: LOW_CONFIDENCE, label: "Low confidence", escalateAs: "confidence" as const },
    ...(config.source.kind === "model" ? modelErrorHandles(config.source.model) : []),
  ],
  summary: (config) =>
    `${config.levels.join(" · ")} by ${config.source.kind === "rules" ? `${config.source.rules.length} rules` : "model"}`,
  check: (config, context) => [
    ...checkLevels(config),
    ...checkTextField(config.inputField, context),
    ...(config.source.kind === "rules"
      ? config.source.rules.flatMap((r) => ruleNode.check?.({ rules: [r.match] }, context) ?? [])
      : []),
  ],
  prepare(config, { nodeId, itemShape }) {
    if (config.source.kind === "rules") return prepareRules(config, nodeId, itemShape);
    return modelDecisionStep({
      nodeId,
      labels: config.levels,
      model: config.source.model,
      threshold: config.threshold,
      inputField: config.inputField ?? itemShape.textField,
      errorHandle: errorHandleFor(config.source.model),
    });
  },
});
