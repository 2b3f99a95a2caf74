import { defineNode, step, type CheckIssue } from "../../engine/node-definition";
import { compileSafeRegex } from "../../engine/text/safe-regex";
import { compileRule, ruleField } from "./compile-rule";
import { ruleConfigSchema, type RuleConfig } from "./rule-config";

export { ruleConfigSchema, type RuleConfig } from "./rule-config";

const NO_MATCH = Object.freeze({ matched: false });
// Shared: an untraced no-match allocates nothing.
const NO_MATCH_STEP = step({ handle: "no_match", output: NO_MATCH });

export const ruleNode = defineNode<RuleConfig>({
  type: "rule",
  label: "Rule",
  group: "decision",
  description:
    "Pattern rules (keywords, a linear-time regex, field values). A match means a person must look, whatever the models say.",
  configSchema: ruleConfigSchema,
  defaultConfig: { rules: [{ kind: "keywords", id: "legal", words: ["lawyer", "lawsuit", "legal action"] }] },
  terminal: false,
  outputHandles: () => [
    { id: "matched", label: "Matched", escalateAs: "rule" },
    { id: "no_match", label: "No match" },
  ],
  summary: (config) =>
    config.rules.length === 1
      ? `1 rule: ${config.rules[0]?.name ?? config.rules[0]?.id}`
      : `${config.rules.length} rules`,
  check(config, context) {
    const issues: CheckIssue[] = [];
    const fields = new Map(context.itemShape?.fields.map((f) => [f.name, f]));
    for (const rule of config.rules) {
      const field = ruleField(rule, context.itemShape?.textField ?? "");
      const declared = fields.get(field);
      if (context.itemShape && !declared) {
        issues.push({
          code: "unknown_field",
          message: `rule ${rule.id} reads "${field}", which the trigger does not declare`,
        });
      }
      if (rule.kind !== "field" && declared && declared.type !== "string") {
        issues.push({
          code: "invalid_config",
          message: `rule ${rule.id} searches "${field}", a ${declared.type} field; pick a text field`,
        });
      }
      if (rule.kind === "regex") {
        const compiled = compileSafeRegex(rule.pattern, { caseInsensitive: rule.caseInsensitive });
        if (!compiled.ok)
          issues.push({
            code: "invalid_regex",
            message: `rule ${rule.id}: the regex is not valid: ${compiled.message}`,
          });
      }
      if (rule.kind === "field" && declared?.type === "enum") {
        const allowed = new Set<unknown>(declared.values);
        for (const value of rule.in ?? [rule.equals]) {
          if (!allowed.has(value)) {
            issues.push({
              code: "invalid_config",
              message: `rule ${rule.id} compares ${field} with ${JSON.stringify(value)}, which is not one of its values (${declared.values?.join(", ")})`,
            });
          }
        }
      }
    }
    return issues;
  },
  prepare(config, { itemShape }) {
    const rules = config.rules.map((rule) => ({ rule, test: compileRule(rule, itemShape.textField) }));
    const fieldsRead = [...new Set(config.rules.map((r) => ruleField(r, itemShape.textField)))];
    return (run) => {
      const inputs = run.tracing
        ? Object.fromEntries(fieldsRead.map((f) => [`item.${f}`, run.item[f]]))
        : undefined;
      for (const { rule, test } of rules) {
        const evidence = test(run);
        if (evidence !== undefined) {
          return step({
            handle: "matched",
            alternateHandle: "no_match",
            output: { matched: true, ruleId: rule.id, ruleName: rule.name, ruleKind: rule.kind, evidence },
            detail: `rule ${rule.name ?? rule.id} matched ${rule.kind === "field" ? evidence : JSON.stringify(evidence)}`,
            inputs,
          });
        }
      }
      return inputs ? { handle: "no_match", output: NO_MATCH, inputs } : NO_MATCH_STEP;
    };
  },
});
