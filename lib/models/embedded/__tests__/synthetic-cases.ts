import { mulberry32 } from "../../random/mulberry32";
import type { TrainingCase } from "../embedded-model";

/** Words that say which label a case has, plus words that say nothing. */
export const TOPICS: Record<string, string[]> = {
  billing: ["invoice", "refund", "charge", "payment", "billed", "card"],
  shipping: ["parcel", "delivery", "courier", "tracking", "shipped", "arrive"],
  technical: ["crash", "error", "login", "password", "timeout", "bug"],
};
const FILLER = [
  "please",
  "help",
  "my",
  "the",
  "is",
  "with",
  "today",
  "hello",
  "thanks",
  "again",
  "order",
  "account",
];

export interface SyntheticOptions {
  count: number;
  seed: number;
  /** Share of cases whose label is replaced by a random one (makes a model over-confident). */
  labelNoise?: number;
  /** First case's time and the spacing between cases. */
  start?: Date;
  stepMinutes?: number;
}

export function syntheticCases(options: SyntheticOptions): TrainingCase[] {
  const random = mulberry32(options.seed);
  const labels = Object.keys(TOPICS);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const start = options.start?.getTime() ?? Date.UTC(2024, 0, 1);
  return Array.from({ length: options.count }, (_, i) => {
    const label = labels[i % labels.length]!;
    const words = [pick(TOPICS[label]!), pick(FILLER), pick(FILLER), pick(TOPICS[label]!), pick(FILLER)];
    const noisy = random() < (options.labelNoise ?? 0);
    return {
      text: words.join(" "),
      fields: { channel: label === "technical" ? "web" : pick(["email", "phone"]) },
      label: noisy ? pick(labels) : label,
      occurredAt: new Date(start + i * (options.stepMinutes ?? 60) * 60_000),
    };
  });
}
