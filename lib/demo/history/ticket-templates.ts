import type { TicketCategory } from "../support-triage-vocabulary";

/**
 * Sentences customers write, per category. `{…}` slots are filled by the generator. Phrasings deliberately
 * include some with none of the classifier's keywords, so the demo's model is unsure now and then, as in life.
 */
export const subjectsByCategory: Record<TicketCategory, readonly string[]> = {
  billing: [
    "Refund for order {order}",
    "Charged twice this month",
    "Invoice {invoice} is wrong",
    "Question about my bill",
    "Payment failed",
    "Why did the price go up?",
    "Need a receipt",
    "Money taken without asking",
  ],
  technical: [
    "App crashes on start",
    "Error {code} when saving",
    "Sync not working",
    "API returns timeout",
    "Dashboard is very slow",
    "Integration with {app} broken",
    "Export keeps failing",
    "Something is off with the reports",
  ],
  account: [
    "Can't log in",
    "Password reset email never arrives",
    "Locked out of my account",
    "Change my username",
    "Two-factor code not accepted",
    "Update profile details",
    "Add a colleague to the team",
    "Who can see my workspace?",
  ],
  shipping: [
    "Where is my package?",
    "Order {order} not delivered",
    "Parcel arrived damaged",
    "Tracking not updating",
    "Wrong item in the box",
    "Delivery address change",
    "Courier left it at the wrong door",
    "Still waiting for my order",
  ],
  feedback: [
    "Feature request: dark mode",
    "Suggestion for the mobile app",
    "Love the new editor",
    "Idea to improve search",
    "Would be nice to have exports in CSV",
    "A few thoughts after a month",
    "Great support last week",
    "Small thing that bugs me",
  ],
};

export const bodiesByCategory: Record<TicketCategory, readonly string[]> = {
  billing: [
    "Hi, I was charged {amount} twice on my credit card for the same subscription. Please refund the duplicate payment.",
    "The invoice {invoice} lists the wrong company name and VAT number. Can you send a corrected invoice?",
    "I cancelled last month but my bill still shows a charge of {amount}. I'd like a refund please.",
    "My payment failed with my usual card and now the account says overdue. What should I do to pay?",
    "Can you explain the new pricing? My subscription went from {amount} to a higher amount without notice.",
    "I need a receipt for the payment made on {date} for our accounting.",
    "There is a charge of {amount} I don't recognise on my statement from you.",
    "We were overcharged for 3 seats we removed weeks ago.",
  ],
  technical: [
    "Every time I open the app it crashes after the splash screen. I reinstalled it twice already.",
    "Saving a record shows error {code} and nothing is stored. This started this morning.",
    "The sync with {app} stopped working yesterday, new records no longer show up.",
    "Our integration calls your API and gets a timeout after 30 seconds on every request.",
    "The dashboard takes over a minute to load, it used to be instant.",
    "Export to PDF fails halfway with a generic error message.",
    "Some numbers in the weekly report don't add up with what we see in the list view.",
    "The page goes blank when I click on settings, on both Chrome and Firefox.",
  ],
  account: [
    "I can't log in since this morning, it says my password is wrong but I did not change it.",
    "I requested a password reset three times and the email never arrives.",
    "My account is locked out after too many attempts, please unlock it.",
    "How can I change my username? The current one has a typo.",
    "The two-factor code from my phone is not accepted anymore.",
    "Please update the email on my profile to my new address.",
    "I want to invite a colleague to our workspace but can't find where.",
    "Is it possible to see who else has access to our workspace?",
  ],
  shipping: [
    "My package for order {order} was supposed to arrive {days} days ago and tracking hasn't moved.",
    "The parcel arrived damaged, the box was crushed and the item is broken.",
    "Tracking has said 'in transit' for a week now. Where is my delivery?",
    "I received the wrong item in my shipment, I ordered something else.",
    "Can I change the delivery address for order {order}? I moved.",
    "The courier marked it delivered but nothing is at my door.",
    "Still waiting for my order from {date}, no news at all.",
    "Is there a way to speed up dispatch? I need it before the weekend.",
  ],
  feedback: [
    "Feature request: a dark mode would be great for working late.",
    "A suggestion: let us pin favourite reports on the home page.",
    "I love the new editor, it saves me a lot of time every day.",
    "An idea to improve search: allow filtering by date range.",
    "Would be nice to have exports in CSV as well as PDF.",
    "After a month of use, a few thoughts on what could improve in onboarding.",
    "Just wanted to say your support team was great last week.",
    "Small thing: the date format ignores my locale settings.",
  ],
};

/** Tickets a person must see whatever the model says. */
export const screeningTickets: readonly { subject: string; body: string }[] = [
  {
    subject: "Legal notice",
    body: "Our lawyer will contact you about the contract breach if this is not solved this week.",
  },
  {
    subject: "Possible security breach",
    body: "I think our account was hacked, there are logins from countries we have never been to.",
  },
  { subject: "Chargeback", body: "I will file a chargeback with my bank if the money is not returned." },
  {
    subject: "GDPR request",
    body: "Under GDPR I ask you to delete my data and confirm the data deletion in writing.",
  },
  {
    subject: "Phishing email",
    body: "We received a phishing email pretending to be from you, asking for card details.",
  },
];

/** Tickets the knowledge base answers. */
export const knownFixTickets: readonly { resolution: string; subject: string; body: string }[] = [
  {
    resolution: "password-reset",
    subject: "Forgot password",
    body: "I forgot my password and the reset password email never arrives. How do I reset my password?",
  },
  {
    resolution: "refund-status",
    subject: "Where is my refund?",
    body: "I requested a refund two weeks ago and have not received the money back yet. How long does a refund take?",
  },
  {
    resolution: "invoice-copy",
    subject: "Invoice copy",
    body: "Where can I download a copy of my invoice or a VAT receipt for my last payment?",
  },
  {
    resolution: "cancel-subscription",
    subject: "Cancel my plan",
    body: "How do I cancel my subscription and stop the automatic renewal of my plan?",
  },
  {
    resolution: "change-email",
    subject: "Change login email",
    body: "How do I change the email address on my account? I want to update my login email.",
  },
  {
    resolution: "shipping-delay",
    subject: "Order late",
    body: "My order has not arrived yet, the package is late and the delivery is delayed, tracking has not updated.",
  },
];

export const urgencyPhrases = {
  critical: ["Production is down for everyone.", "This is an emergency, we have data loss."],
  high: ["This is urgent, please help asap.", "We need this fixed immediately."],
  low: ["No rush, whenever you get to it.", ""],
} as const;

export const appNames = ["Salesforce", "HubSpot", "Slack", "Shopify", "Xero", "Zendesk"] as const;
