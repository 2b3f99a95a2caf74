import type { RunContext } from "../../engine/node-definition";
import { compileKeywords } from "../../engine/text/keyword-matcher";
import { compileSafeRegex } from "../../engine/text/safe-regex";
import type { Rule } from "./rule-config";

/** A compiled rule answers what matched (the evidence), or undefined. */
export type RuleTest = (run: RunContext) => string | undefined;

export function ruleField(rule: Rule, textField: string): string {
  return rule.field ?? textField;
}

export function compileRule(rule: Rule, textField: string): RuleTest {
  const field = ruleField(rule, textField);
  switch (rule.kind) {
    case "keywords": {
      const matcher = compileKeywords(rule.words);
      return (run) => {
        const text = run.item[field];
        return typeof text === "string" ? matcher.firstMatch(run.lowercase(text)) : undefined;
      };
    }
    case "regex": {
      const compiled = compileSafeRegex(rule.pattern, { caseInsensitive: rule.caseInsensitive });
      if (!compiled.ok) throw new Error(`rule ${rule.id}: ${compiled.message}`);
      const { regex } = compiled;
      return (run) => {
        const text = run.item[field];
        return typeof text === "string" && regex.test(text) ? regex.find(text) : undefined;
      };
    }
    case "field": {
      const accepted = new Set<unknown>(rule.in ?? [rule.equals]);
      return (run) => {
        const value = run.item[field];
        return accepted.has(value) ? `${field} = ${JSON.stringify(value)}` : undefined;
      };
    }
  }
}
