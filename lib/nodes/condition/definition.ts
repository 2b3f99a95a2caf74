import { z } from "zod";
import { compileExpression, ExpressionEvaluationError } from "../../engine/expression/compile-expression";
import { MAX_EXPRESSION_LENGTH } from "../../engine/expression/cel-environment";
import { defineNode, step } from "../../engine/node-definition";
import { toJsonValue } from "../../engine/expression/to-json-value";
import { checkExpression, expressionInputs } from "../shared/expression-checks";

export const conditionConfigSchema = z.object({
  /** A CEL expression over `item.<field>` and `nodes.<id>.<output>`, e.g. `item.tier == "enterprise"`. */
  expression: z.string().min(1).max(MAX_EXPRESSION_LENGTH),
});
export type ConditionConfig = z.infer<typeof conditionConfigSchema>;

export const conditionNode = defineNode<ConditionConfig>({
  type: "condition",
  label: "Condition",
  group: "decision",
  description: "Branches on an expression over the item's fields and earlier nodes' outputs.",
  configSchema: conditionConfigSchema,
  defaultConfig: { expression: "true" },
  terminal: false,
  outputHandles: () => [
    { id: "true", label: "True" },
    { id: "false", label: "False" },
  ],
  summary: (config) =>
    config.expression.length > 60 ? `${config.expression.slice(0, 57)}…` : config.expression,
  check: (config, context) => checkExpression(config.expression, "The expression", context),
  mapExpressions: (config, map) => ({ ...config, expression: map(config.expression) }),
  prepare(config, { nodeId }) {
    const expression = compileExpression(config.expression);
    return (run) => {
      let value: unknown;
      try {
        value = expression.evaluate(run.item, run.nodes);
      } catch (error) {
        if (!(error instanceof ExpressionEvaluationError)) throw error;
        return step({
          handle: "",
          error: {
            code: "expression_failed",
            message: `${nodeId}: ${error.message} (in: ${config.expression})`,
          },
          inputs: expressionInputs(expression, run),
        });
      }
      if (typeof value !== "boolean") {
        return step({
          handle: "",
          error: {
            code: "expression_not_boolean",
            message: `${nodeId}: the expression gave ${JSON.stringify(toJsonValue(value))}, not true or false`,
          },
        });
      }
      if (!run.tracing) return value ? TRUE_STEP : FALSE_STEP;
      return step({
        handle: value ? "true" : "false",
        output: value ? TRUE_OUTPUT : FALSE_OUTPUT,
        inputs: expressionInputs(expression, run),
      });
    };
  },
});

// Shared and frozen: the hot path allocates nothing for a condition's output.
const TRUE_OUTPUT = Object.freeze({ result: true });
const FALSE_OUTPUT = Object.freeze({ result: false });
const TRUE_STEP = step({ handle: "true", output: TRUE_OUTPUT });
const FALSE_STEP = step({ handle: "false", output: FALSE_OUTPUT });
