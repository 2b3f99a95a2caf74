import type { GraphInput } from "../engine/graph/graph-schema";
import { supportTriageTestCases } from "./support-triage-cases";
import {
  categoryKeywords,
  knowledgeBase,
  screeningKeywords,
  screeningSubjectKeywords,
  teams,
  ticketCategories,
  urgencyKeywords,
  urgencyLevels,
} from "./support-triage-vocabulary";

export * from "./support-triage-vocabulary";
export { supportTriageTestCases } from "./support-triage-cases";

/*
 * trigger ─► screen ──matched──► escalate_compliance
 *              │no_match
 *              ▼
 *           urgency ──critical──► crm_lookup ──ok──► priority_check ──true──► route_priority
 *              │low/normal/high       │unavailable → person        │false
 *              ▼                      ▼ (connector)                ▼
 *           known_fix ──matched──► resolve_known               classify
 *              │no_match                                          ▲
 *              └──────────────────────────────────────────────────┘
 * classify ─► route_billing | route_technical | route_account | route_shipping | route_feedback
 *          └─ low_confidence (unconnected) → person in "triage" (confidence)
 */
const at = (column: number, row: number) => ({ x: column * 280, y: row * 150 });

const edge = (source: string, sourceHandle: string, target: string) => ({
  id: `${source}-${sourceHandle}-${target}`,
  source,
  sourceHandle,
  target,
});

const routeNodes = ticketCategories.map((category, i) => ({
  id: `route_${category}`,
  type: "route",
  name: `Route to ${teams[category]}`,
  position: at(6, i),
  config: { team: teams[category] },
}));

export const supportTriageGraph: GraphInput = {
  schemaVersion: 1,
  id: "support-triage",
  name: "Support triage",
  description:
    "Screens tickets for legal, security and privacy words, scores urgency, fast-tracks critical enterprise issues, auto-resolves known problems and routes the rest to the right team.",
  settings: { escalationQueue: "triage" },
  nodes: [
    {
      id: "trigger",
      type: "trigger",
      name: "New ticket",
      position: at(0, 2),
      config: {
        fields: [
          { name: "ticket_id", type: "string", required: true },
          { name: "subject", type: "string", required: true },
          { name: "body", type: "string", required: true },
          { name: "customer_tier", type: "enum", required: true, values: ["free", "pro", "enterprise"] },
          { name: "channel", type: "enum", required: true, values: ["email", "chat", "phone"] },
          { name: "created_at", type: "date", required: true },
          { name: "customer_email", type: "string", required: false },
        ],
        textField: "body",
        idField: "ticket_id",
        occurredAtField: "created_at",
      },
    },
    {
      id: "screen",
      type: "rule",
      name: "Compliance screen",
      position: at(1, 2),
      config: {
        rules: [
          ...Object.entries(screeningKeywords).map(([id, words]) => ({
            kind: "keywords",
            id,
            words: [...words],
          })),
          {
            kind: "keywords",
            id: "subject_flags",
            name: "flagged subject",
            field: "subject",
            words: [...screeningSubjectKeywords],
          },
        ],
      },
    },
    {
      id: "escalate_compliance",
      type: "escalate",
      name: "Compliance review",
      position: at(2, 0),
      config: {
        queue: "compliance",
        reasonType: "rule",
        note: "legal, security or privacy words need a person",
      },
    },
    {
      id: "urgency",
      type: "assess",
      name: "Urgency",
      position: at(2, 2),
      escalateUnconnected: ["low_confidence"],
      config: {
        levels: [...urgencyLevels],
        source: {
          kind: "rules",
          rules: [
            {
              level: "critical",
              confidence: 0.95,
              match: { kind: "keywords", id: "critical_words", words: [...urgencyKeywords.critical] },
            },
            {
              level: "high",
              confidence: 0.85,
              match: { kind: "keywords", id: "high_words", words: [...urgencyKeywords.high] },
            },
            {
              level: "high",
              confidence: 0.75,
              match: { kind: "field", id: "phone_call", field: "channel", equals: "phone" },
            },
            {
              level: "low",
              confidence: 0.8,
              match: { kind: "keywords", id: "low_words", words: [...urgencyKeywords.low] },
            },
          ],
          fallback: { level: "normal", confidence: 0.9 },
        },
        threshold: 0.7,
      },
    },
    {
      id: "crm_lookup",
      type: "connector",
      name: "Look up customer in CRM",
      position: at(3, 1),
      escalateUnconnected: ["error"],
      config: {
        connectorId: "crm",
        operation: "get_customer",
        kind: "read",
        input: { email: "item.customer_email", ticket_id: "item.ticket_id" },
        onUnavailable: "escalate",
      },
    },
    {
      id: "priority_check",
      type: "condition",
      name: "Enterprise or VIP?",
      position: at(4, 1),
      config: {
        expression:
          'item.customer_tier == "enterprise" || (has(nodes.crm_lookup.data.vip) && nodes.crm_lookup.data.vip == true)',
      },
    },
    {
      id: "route_priority",
      type: "route",
      name: "Priority support",
      position: at(5, 0),
      config: { team: teams.priority, queue: "sla-1h" },
    },
    {
      id: "known_fix",
      type: "match",
      name: "Known resolution?",
      position: at(3, 3),
      config: { entries: knowledgeBase.map((entry) => ({ ...entry })), threshold: 0.35 },
    },
    {
      id: "resolve_known",
      type: "resolve",
      name: "Send known fix",
      position: at(4, 4),
      config: {
        resolution: "known-fix",
        replyTemplate:
          "Hi, thanks for writing in about ticket {{item.ticket_id}}.\n\n{{nodes.known_fix.reply}}\n\nIf this does not solve it, just reply and a person will pick it up.",
      },
    },
    {
      id: "classify",
      type: "classify",
      name: "Category",
      position: at(5, 2),
      escalateUnconnected: ["low_confidence"],
      config: {
        labels: [...ticketCategories],
        model: {
          kind: "keyword",
          keywords: Object.fromEntries(ticketCategories.map((c) => [c, [...categoryKeywords[c]]])),
        },
        threshold: 0.7,
      },
    },
    ...routeNodes,
  ],
  edges: [
    edge("trigger", "out", "screen"),
    edge("screen", "matched", "escalate_compliance"),
    edge("screen", "no_match", "urgency"),
    edge("urgency", "critical", "crm_lookup"),
    edge("urgency", "high", "known_fix"),
    edge("urgency", "normal", "known_fix"),
    edge("urgency", "low", "known_fix"),
    edge("crm_lookup", "ok", "priority_check"),
    edge("priority_check", "true", "route_priority"),
    edge("priority_check", "false", "classify"),
    edge("known_fix", "matched", "resolve_known"),
    edge("known_fix", "no_match", "classify"),
    ...ticketCategories.map((category) => edge("classify", category, `route_${category}`)),
  ],
  testCases: supportTriageTestCases,
};
