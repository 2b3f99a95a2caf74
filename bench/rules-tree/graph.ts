import type { GraphInput } from "../../lib/engine/graph/graph-schema";

/*
 * The 12-node rules-only tree the engine.rules benchmark runs:
 *
 * trigger ─► screen ──matched──► escalate_screen
 *              │no_match
 *              ▼
 *          is_enterprise ──true──► outage ──matched──► route_priority
 *              │false                 └─no_match──► route_enterprise
 *              ▼
 *          live_channel ──true──► refund ──matched──► route_billing
 *              │false                └─no_match──► route_live
 *              ▼
 *          end_email
 */
export const SCREEN_WORDS = ["lawyer", "lawsuit", "legal action", "chargeback*", "gdpr"];
export const OUTAGE_WORDS = ["outage", "down", "500 error", "not loading"];
export const REFUND_WORDS = ["refund*", "money back", "charged twice"];
export const ORDER_PATTERN = "\\border\\s*#?\\d{5,}";

const at = (x: number, y: number) => ({ x: x * 260, y: y * 140 });
const edge = (source: string, sourceHandle: string, target: string) => ({
  id: `${source}.${sourceHandle}`,
  source,
  sourceHandle,
  target,
});

export const rulesTreeGraph: GraphInput = {
  schemaVersion: 1,
  name: "engine.rules benchmark",
  nodes: [
    {
      id: "trigger",
      type: "trigger",
      position: at(0, 1),
      config: {
        fields: [
          { name: "id", type: "string", required: true },
          { name: "text", type: "string", required: true },
          { name: "tier", type: "enum", required: true, values: ["free", "pro", "enterprise"] },
          { name: "channel", type: "enum", required: true, values: ["email", "chat", "phone"] },
          { name: "amount", type: "number", required: true },
          { name: "created_at", type: "date", required: true },
        ],
        textField: "text",
        idField: "id",
        occurredAtField: "created_at",
      },
    },
    {
      id: "screen",
      type: "rule",
      position: at(1, 1),
      config: { rules: [{ kind: "keywords", id: "legal", words: SCREEN_WORDS }] },
    },
    { id: "escalate_screen", type: "escalate", position: at(2, 0), config: { queue: "compliance" } },
    {
      id: "is_enterprise",
      type: "condition",
      position: at(2, 1),
      config: { expression: 'item.tier == "enterprise" && item.amount > 1000' },
    },
    {
      id: "outage",
      type: "rule",
      position: at(3, 0),
      config: { rules: [{ kind: "keywords", id: "outage", words: OUTAGE_WORDS }] },
    },
    { id: "route_priority", type: "route", position: at(4, 0), config: { team: "priority" } },
    { id: "route_enterprise", type: "route", position: at(4, 1), config: { team: "enterprise" } },
    {
      id: "live_channel",
      type: "condition",
      position: at(3, 2),
      config: { expression: 'item.channel == "phone" || item.channel == "chat"' },
    },
    {
      id: "refund",
      type: "rule",
      position: at(4, 2),
      config: {
        rules: [
          { kind: "keywords", id: "refund_words", words: REFUND_WORDS },
          { kind: "regex", id: "order_number", pattern: ORDER_PATTERN },
        ],
      },
    },
    { id: "route_billing", type: "route", position: at(5, 2), config: { team: "billing" } },
    { id: "route_live", type: "route", position: at(5, 3), config: { team: "live" } },
    { id: "end_email", type: "end", position: at(4, 3), config: { note: "email queue handles it" } },
  ],
  edges: [
    edge("trigger", "out", "screen"),
    edge("screen", "matched", "escalate_screen"),
    edge("screen", "no_match", "is_enterprise"),
    edge("is_enterprise", "true", "outage"),
    edge("is_enterprise", "false", "live_channel"),
    edge("outage", "matched", "route_priority"),
    edge("outage", "no_match", "route_enterprise"),
    edge("live_channel", "true", "refund"),
    edge("live_channel", "false", "end_email"),
    edge("refund", "matched", "route_billing"),
    edge("refund", "no_match", "route_live"),
  ],
};
