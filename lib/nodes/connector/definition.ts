import { z } from "zod";
import { compileExpression, ExpressionEvaluationError } from "../../engine/expression/compile-expression";
import { toJsonValue } from "../../engine/expression/to-json-value";
import {
  defineNode,
  step,
  type HandleSpec,
  type RunContext,
  type StepResult,
} from "../../engine/node-definition";
import type { ConnectorResult, MaybePromise } from "../../engine/ports";
import { isThenable } from "../../engine/run/maybe-promise";
import { checkExpression } from "../shared/expression-checks";
import { checkConnectorReference } from "./check-connector-reference";

const slug = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,99}$/, "use lower-case letters, digits, _ . and -");

export const connectorConfigSchema = z.object({
  connectorId: slug,
  operation: slug,
  /** Writes are suppressed and recorded in backtest and shadow runs; reads are not. */
  kind: z.enum(["read", "write"]),
  /** parameter → CEL expression over item and earlier outputs, e.g. `{ "email": "item.customer_email" }`. */
  input: z
    .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/), z.string().min(1).max(2_000))
    .default({}),
  /**
   * When the system is unavailable: `escalate` (take `unavailable`; unconnected → a person),
   * `fallback` (take `unavailable`, which must lead somewhere), `retry_later` (stop; the item is run again
   * later; once it has waited past the connector's bound it takes `unavailable`, escalating when unconnected).
   */
  onUnavailable: z.enum(["retry_later", "fallback", "escalate"]).default("escalate"),
});
export type ConnectorConfig = z.infer<typeof connectorConfigSchema>;

function handlesFor(config: ConnectorConfig): HandleSpec[] {
  const unavailable: HandleSpec = { id: "unavailable", label: "Unavailable", escalateAs: "connector" };
  if (config.onUnavailable !== "fallback") unavailable.whenUnconnected = "escalate";
  return [{ id: "ok", label: "OK" }, unavailable, { id: "error", label: "Error", escalateAs: "connector" }];
}

export const connectorNode = defineNode<ConnectorConfig>({
  type: "connector",
  label: "Connector",
  group: "connector",
  description: "Reads from or writes to an external system through the connector gateway.",
  configSchema: connectorConfigSchema,
  defaultConfig: {
    connectorId: "crm",
    operation: "get_customer",
    kind: "read",
    input: {},
    onUnavailable: "escalate",
  },
  terminal: false,
  outputHandles: handlesFor,
  summary: (config) => `${config.kind} ${config.connectorId}.${config.operation}`,
  check: (config, context) => [
    ...checkConnectorReference(config, context.connectors),
    ...Object.entries(config.input).flatMap(([param, source]) =>
      checkExpression(source, `The input "${param}"`, context),
    ),
  ],
  mapExpressions: (config, map) => ({
    ...config,
    input: Object.fromEntries(Object.entries(config.input).map(([param, source]) => [param, map(source)])),
  }),
  prepare(config, { nodeId }) {
    const mappings = Object.entries(config.input).map(([param, source]) => ({
      param,
      expression: compileExpression(source),
    }));
    const { connectorId, operation, kind, onUnavailable } = config;
    const name = `${connectorId}.${operation}`;

    const settle = (result: ConnectorResult, input: Record<string, unknown>, run: RunContext): StepResult => {
      switch (result?.status) {
        case "ok":
          return step({
            handle: "ok",
            inputs: input,
            output: { status: "ok", data: result.data },
            detail: `${name} answered`,
          });
        case "unavailable":
          if (onUnavailable === "retry_later" && !run.retryLaterExpired)
            return step({
              handle: "",
              inputs: input,
              defer: { reason: `${name} is unavailable: ${result.reason}` },
            });
          return step({
            handle: "unavailable",
            inputs: input,
            output: { status: "unavailable", reason: result.reason },
            detail: `${name} is unavailable: ${result.reason}`,
          });
        case "error":
          return step({
            handle: "error",
            inputs: input,
            output: { status: "error", message: result.message },
            detail: `${name} failed: ${result.message}`,
          });
        default:
          return step({
            handle: "error",
            inputs: input,
            output: { status: "error", message: "unknown gateway answer" },
            detail: `${name}: the gateway gave an answer with no known status`,
          });
      }
    };

    return (run) => {
      const input: Record<string, unknown> = {};
      for (const { param, expression } of mappings) {
        try {
          input[param] = toJsonValue(expression.evaluate(run.item, run.nodes));
        } catch (error) {
          if (!(error instanceof ExpressionEvaluationError)) throw error;
          return step({
            handle: "",
            error: { code: "expression_failed", message: `${nodeId}: input "${param}": ${error.message}` },
          });
        }
      }
      let answer: MaybePromise<ConnectorResult>;
      try {
        answer = run.ports.connectors.call({
          connectorId,
          operation,
          kind,
          input,
          idempotencyKey: `${run.runKey}:${nodeId}`,
        });
      } catch (error) {
        return settle(
          { status: "error", message: error instanceof Error ? error.message : String(error) },
          input,
          run,
        );
      }
      if (isThenable(answer)) {
        return Promise.resolve(answer).then(
          (result) => settle(result, input, run),
          (error: unknown) =>
            settle(
              { status: "error", message: error instanceof Error ? error.message : String(error) },
              input,
              run,
            ),
        );
      }
      return settle(answer, input, run);
    };
  },
});
