import { seededRandom } from "../measure";

const FILLER = (
  "hello team I have a question about my account the dashboard shows numbers I do not understand " +
  "we updated the settings yesterday and now the report looks different could you take a look please " +
  "thanks for the quick help last time our manager asked me to follow up on this"
).split(" ");
const SIGNALS = [
  "lawyer",
  "chargeback",
  "outage",
  "down",
  "refund",
  "money back",
  "order #123456",
  "charged twice",
  "not loading",
];

/** Deterministic tickets: mostly filler, a signal word in about a third of them. */
export function makeItems(count: number, seed = 42): Array<Record<string, unknown>> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const tiers = ["free", "pro", "enterprise"];
  const channels = ["email", "chat", "phone"];
  return Array.from({ length: count }, (_, i) => {
    const words = Array.from({ length: 14 + Math.floor(random() * 20) }, () => pick(FILLER));
    if (random() < 0.35) words.splice(Math.floor(random() * words.length), 0, pick(SIGNALS));
    return {
      id: `item-${i}`,
      text: words.join(" "),
      tier: pick(tiers),
      channel: pick(channels),
      amount: Math.round(random() * 3000),
      created_at: `2025-0${1 + (i % 9)}-1${i % 10}T0${i % 10}:30:00Z`,
    };
  });
}
