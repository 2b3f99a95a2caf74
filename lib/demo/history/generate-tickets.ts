import { mulberry32 } from "../../models/random/mulberry32";
import { teams, ticketCategories, type TicketCategory } from "../support-triage-vocabulary";
import {
  appNames,
  bodiesByCategory,
  knownFixTickets,
  screeningTickets,
  subjectsByCategory,
  urgencyPhrases,
} from "./ticket-templates";

export interface TicketItem {
  ticket_id: string;
  subject: string;
  body: string;
  customer_tier: "free" | "pro" | "enterprise";
  channel: "email" | "chat" | "phone";
  created_at: string;
  customer_email: string;
}

/** What the human process actually did with the ticket: the ground truth a backtest compares against. */
export interface ActualOutcome {
  type: "route" | "resolve" | "escalate";
  /** A single comparable label: the team, the resolution id, or the escalation queue. */
  label: string;
  team?: string;
  resolution?: string;
  queue?: string;
}

export interface HistoricalTicket {
  item: TicketItem;
  actual: ActualOutcome;
  /** Where a person first sent it (differs from the final team when triage got it wrong first). */
  humanFirstLabel: string;
  category: TicketCategory | "screening" | "known_fix";
}

export interface GenerateTicketsOptions {
  /** First day (UTC midnight, epoch ms). */
  startMs: number;
  days: number;
  seed?: number;
  /** Mean tickets on a weekday at the start of the period. */
  weekdayMean?: number;
  /** Day index (from 0) of a product outage: three times the technical tickets. */
  outageDay?: number;
}

const DAY_MS = 86_400_000;
const CATEGORY_WEIGHTS: Record<TicketCategory, number> = {
  billing: 0.3,
  technical: 0.28,
  account: 0.2,
  shipping: 0.15,
  feedback: 0.07,
};
/** Relative volume by UTC hour: a working day in Europe and the Americas. */
const HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 9, 8, 9, 10, 10, 9, 8, 6, 5, 4, 3, 2, 1];
const DAY_OF_WEEK_FACTOR = [0.35, 1, 1.05, 1, 0.95, 0.9, 0.45]; // Sunday first

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T;
}

function pickWeighted<K extends string>(random: () => number, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][];
  let r = random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, weight] of entries) {
    r -= weight;
    if (r <= 0) return key;
  }
  return entries[entries.length - 1]![0];
}

function fill(random: () => number, template: string): string {
  return template
    .replace("{order}", `#${100000 + Math.floor(random() * 900000)}`)
    .replace("{invoice}", `INV-${2000 + Math.floor(random() * 8000)}`)
    .replace("{amount}", `$${(9 + Math.floor(random() * 300)).toFixed(2)}`)
    .replace("{code}", `E${100 + Math.floor(random() * 900)}`)
    .replace("{app}", pick(random, appNames))
    .replace("{days}", String(2 + Math.floor(random() * 9)))
    .replace("{date}", `${1 + Math.floor(random() * 28)} ${pick(random, ["March", "April", "May", "June"])}`);
}

/**
 * Plausible support history for the demo workspace: weekly and daily rhythm, slow growth, one outage spike,
 * ambiguous wording, compliance-sensitive tickets, known problems, and the occasional human mis-triage.
 * Deterministic for a given seed, so the demo and the tests see the same data.
 */
export function generateTickets(options: GenerateTicketsOptions): HistoricalTicket[] {
  const random = mulberry32(options.seed ?? 42);
  const weekdayMean = options.weekdayMean ?? 70;
  const tickets: HistoricalTicket[] = [];
  const hourTotal = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);

  for (let day = 0; day < options.days; day++) {
    const dayStart = options.startMs + day * DAY_MS;
    const growth = 1 + (0.15 * day) / Math.max(1, options.days);
    const outage = day === options.outageDay;
    const mean =
      weekdayMean * growth * (DAY_OF_WEEK_FACTOR[new Date(dayStart).getUTCDay()] ?? 1) * (outage ? 1.8 : 1);
    const count = Math.max(0, Math.round(mean * (0.85 + 0.3 * random())));
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      let r = random() * hourTotal;
      let hour = 0;
      while (hour < 23 && (r -= HOUR_WEIGHTS[hour]!) > 0) hour++;
      times.push(dayStart + hour * 3_600_000 + Math.floor(random() * 3_600_000));
    }
    times.sort((a, b) => a - b);
    for (const at of times) tickets.push(makeTicket(random, tickets.length + 1, at, outage));
  }
  return tickets;
}

function makeTicket(random: () => number, sequence: number, at: number, outage: boolean): HistoricalTicket {
  const tier = pickWeighted(random, { free: 0.5, pro: 0.35, enterprise: 0.15 });
  const base = {
    ticket_id: `T-${String(sequence).padStart(6, "0")}`,
    customer_tier: tier,
    channel: pickWeighted(random, { email: 0.6, chat: 0.3, phone: 0.1 }),
    created_at: new Date(at).toISOString(),
    customer_email: `customer${1 + Math.floor(random() * 4000)}@example.com`,
  };
  const kind = random();
  if (kind < 0.03) {
    const t = pick(random, screeningTickets);
    const actual: ActualOutcome = { type: "escalate", label: "compliance", queue: "compliance" };
    return { item: { ...base, ...t }, actual, humanFirstLabel: "compliance", category: "screening" };
  }
  if (kind < 0.17) {
    const t = pick(random, knownFixTickets);
    const actual: ActualOutcome = { type: "resolve", label: t.resolution, resolution: t.resolution };
    return {
      item: { ...base, subject: t.subject, body: t.body },
      actual,
      humanFirstLabel: t.resolution,
      category: "known_fix",
    };
  }

  const category: TicketCategory =
    outage && random() < 0.6 ? "technical" : pickWeighted(random, CATEGORY_WEIGHTS);
  // One ticket in ten has a subject that points elsewhere than its body: the body is what it is about.
  const subjectCategory = random() < 0.1 ? pick(random, ticketCategories) : category;
  const urgency =
    outage && category === "technical"
      ? "critical"
      : pickWeighted(random, { critical: 0.02, high: 0.12, low: 0.12, normal: 0.74 });
  const extra = urgency === "normal" ? "" : pick(random, urgencyPhrases[urgency]);
  const body = [fill(random, pick(random, bodiesByCategory[category])), extra].filter(Boolean).join(" ");
  const item = { ...base, subject: fill(random, pick(random, subjectsByCategory[subjectCategory])), body };

  const team = urgency === "critical" && tier === "enterprise" ? teams.priority : teams[category];
  const actual: ActualOutcome = { type: "route", label: team, team };
  // Human triage sends about one ticket in eight to the wrong team first.
  const humanFirstLabel = random() < 0.12 ? teams[pick(random, ticketCategories)] : team;
  return { item, actual, humanFirstLabel, category };
}
