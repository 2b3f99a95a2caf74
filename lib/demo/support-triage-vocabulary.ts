/**
 * The words the support-triage demo decides on. Exported so the demo-history
 * generator can write plausible tickets that land where the graph sends them.
 */

/** Words that always need a person (rule-based escalation to compliance). */
export const screeningKeywords = {
  legal: ["lawyer", "attorney", "lawsuit", "legal action", "sue", "court"],
  security: ["security breach", "data breach", "hacked", "vulnerability", "phishing", "compromised"],
  chargeback: ["chargeback*", "dispute the charge", "fraud*"],
  privacy: ["gdpr", "ccpa", "delete my data", "data deletion", "right to be forgotten"],
} as const;

/** Checked on the subject line as well as the body. */
export const screeningSubjectKeywords = [
  "legal",
  "lawsuit",
  "gdpr",
  "chargeback",
  "security",
  "fraud",
] as const;

export const ticketCategories = ["billing", "technical", "account", "shipping", "feedback"] as const;
export type TicketCategory = (typeof ticketCategories)[number];

export const categoryKeywords: Record<TicketCategory, readonly string[]> = {
  billing: [
    "invoice*",
    "refund*",
    "billing",
    "bill",
    "payment*",
    "paid",
    "receipt*",
    "subscription",
    "price",
    "pricing",
    "credit card",
    "overcharged",
    "charged",
  ],
  technical: [
    "error*",
    "bug*",
    "crash*",
    "not working",
    "broken",
    "api",
    "integration",
    "sync*",
    "slow",
    "timeout",
    "outage",
    "down",
  ],
  account: [
    "password",
    "login",
    "log in",
    "sign in",
    "account",
    "username",
    "two-factor",
    "2fa",
    "locked out",
    "profile",
  ],
  shipping: [
    "shipping",
    "shipment",
    "deliver*",
    "package",
    "parcel",
    "tracking",
    "courier",
    "arrive*",
    "damaged",
    "dispatch*",
  ],
  feedback: [
    "feedback",
    "suggestion*",
    "feature request",
    "would be nice",
    "love",
    "great",
    "improve*",
    "idea",
  ],
};

export const urgencyLevels = ["low", "normal", "high", "critical"] as const;

export const urgencyKeywords = {
  critical: ["outage", "down for everyone", "production is down", "site is down", "data loss", "emergency"],
  high: ["urgent*", "asap", "immediately", "not working", "charged twice", "locked out"],
  low: ["feature request", "suggestion*", "would be nice", "no rush", "whenever"],
} as const;

export const teams = {
  billing: "billing-team",
  technical: "tech-support",
  account: "accounts",
  shipping: "logistics",
  feedback: "product",
  priority: "priority-support",
} as const;

export const knowledgeBase = [
  {
    id: "password-reset",
    title: "Password reset",
    text: "I forgot my password and cannot log in. The reset password link or email never arrives. How do I reset my password?",
    reply:
      "You can set a new password from the sign-in page: choose “Forgot password”, and the link arrives within five minutes (check the spam folder too).",
  },
  {
    id: "refund-status",
    title: "Refund status",
    text: "Where is my refund? I requested a refund and have not received the money back yet. How long does a refund take?",
    reply:
      "Refunds reach your card 5–10 business days after we approve them; your refund was issued and you will see it on your statement soon.",
  },
  {
    id: "shipping-delay",
    title: "Shipping delay",
    text: "My order has not arrived yet. The package is late, the delivery is delayed and the tracking has not updated.",
    reply:
      "Some deliveries are running 2–3 days late this week. Your tracking link updates as soon as the courier scans the parcel again.",
  },
  {
    id: "invoice-copy",
    title: "Invoice copy",
    text: "I need a copy of my invoice. Where can I download the invoice or a VAT receipt for my payment?",
    reply:
      "Every invoice is under Settings → Billing → Invoices, where you can download it as a PDF with VAT details.",
  },
  {
    id: "change-email",
    title: "Change account email",
    text: "How do I change the email address on my account? I want to update my login email.",
    reply:
      "Go to Settings → Profile → Email, enter the new address and confirm it from the message we send there.",
  },
  {
    id: "cancel-subscription",
    title: "Cancel subscription",
    text: "How do I cancel my subscription and stop the automatic renewal of my plan?",
    reply:
      "You can cancel any time under Settings → Billing → Plan → Cancel; you keep access until the end of the paid period.",
  },
] as const;
