import type { TestCase } from "../engine/graph/test-case-schema";

const ticket = (id: string, subject: string, body: string, extra: Record<string, unknown> = {}) => ({
  ticket_id: id,
  subject,
  body,
  customer_tier: "pro",
  channel: "email",
  created_at: "2025-03-03T09:15:00Z",
  customer_email: `${id}@example.com`,
  ...extra,
});

const crmAnswers = (vip: boolean) => ({
  "crm.get_customer": { status: "ok" as const, data: { vip, plan: vip ? "enterprise" : "pro" } },
});

/** One or more cases per terminal of the support-triage graph. */
export const supportTriageTestCases: TestCase[] = [
  {
    id: "legal-threat",
    name: "A lawyer's letter goes to compliance",
    item: ticket(
      "T-1001",
      "Unpaid refund",
      "If this is not fixed I will ask my lawyer to start legal action.",
    ),
    expected: {
      terminalType: "escalate",
      nodeId: "escalate_compliance",
      queue: "compliance",
      reasonType: "rule",
    },
  },
  {
    id: "gdpr-subject",
    name: "GDPR in the subject line goes to compliance",
    item: ticket("T-1002", "GDPR request", "Please send me everything you store about me."),
    expected: { terminalType: "escalate", nodeId: "escalate_compliance", reasonType: "rule" },
  },
  {
    id: "password-reset",
    name: "A forgotten password is auto-resolved",
    item: ticket(
      "T-1003",
      "Can't get in",
      "I forgot my password and the reset link never arrives. How do I reset my password?",
    ),
    expected: { terminalType: "resolve", nodeId: "resolve_known" },
  },
  {
    id: "refund-status",
    name: "Where is my refund: auto-resolved",
    item: ticket(
      "T-1004",
      "Refund",
      "I requested a refund two weeks ago and have not received the money back yet.",
    ),
    expected: { terminalType: "resolve", nodeId: "resolve_known" },
  },
  {
    id: "billing-overcharge",
    name: "An overcharge goes to billing",
    item: ticket(
      "T-1005",
      "Wrong amount",
      "I was overcharged this month, the billing amount on my credit card is higher than my plan price.",
    ),
    expected: { terminalType: "route", team: "billing-team" },
  },
  {
    id: "technical-bug",
    name: "An API bug goes to tech support",
    item: ticket(
      "T-1006",
      "API problem",
      "The API returns an error and the integration keeps crashing when we sync contacts.",
    ),
    expected: { terminalType: "route", team: "tech-support" },
  },
  {
    id: "account-2fa",
    name: "Two-factor trouble goes to accounts",
    item: ticket(
      "T-1007",
      "2FA",
      "My two-factor codes stopped working and my username shows the wrong profile.",
    ),
    expected: { terminalType: "route", team: "accounts" },
  },
  {
    id: "shipping-damaged",
    name: "A damaged parcel goes to logistics",
    item: ticket(
      "T-1008",
      "Damaged",
      "The parcel was damaged by the courier, the package box was crushed on delivery.",
    ),
    expected: { terminalType: "route", team: "logistics" },
  },
  {
    id: "feedback-idea",
    name: "A product idea goes to the product team",
    item: ticket(
      "T-1009",
      "Idea",
      "Love the app! One suggestion: dark mode would be nice, a great way to improve it.",
    ),
    expected: { terminalType: "route", team: "product" },
  },
  {
    id: "enterprise-outage",
    name: "A critical enterprise outage goes to priority support",
    item: ticket(
      "T-1010",
      "Production down",
      "We have an outage: the site is down for everyone on our team.",
      { customer_tier: "enterprise" },
    ),
    recordedReads: crmAnswers(false),
    expected: { terminalType: "route", nodeId: "route_priority", team: "priority-support", queue: "sla-1h" },
  },
  {
    id: "critical-crm-down",
    name: "A critical ticket with the CRM unavailable goes to a person",
    item: ticket("T-1011", "Emergency", "Emergency: data loss after the last update.", {
      customer_tier: "free",
    }),
    recordedReads: { "crm.get_customer": { status: "unavailable", reason: "CRM timed out" } },
    expected: { terminalType: "escalate", nodeId: "crm_lookup", queue: "triage", reasonType: "connector" },
  },
  {
    id: "vague",
    name: "A vague message goes to triage for low confidence",
    item: ticket("T-1012", "Question", "Hi, I have a question about something, can someone call me back?"),
    expected: { terminalType: "escalate", nodeId: "classify", queue: "triage", reasonType: "confidence" },
  },
];
