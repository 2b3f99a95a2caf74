/**
 * The load process of `live.ingest`. Closed loop (no `rate`): `concurrency` clients POST batches of `batch`
 * tickets for `seconds`, each waiting for its answer before the next request, to find the most the system
 * takes. Paced (`rate` items/s): a batch leaves every batch/rate seconds whatever the answers, so latency is
 * measured at a fixed offered load. Prints one JSON line: every accepted item's id field with the time
 * (epoch ms) its request was sent.
 */
import { generateTickets } from "../../lib/demo/history/generate-tickets";

interface LoadArgs {
  url: string;
  apiKey: string;
  seconds: number;
  concurrency: number;
  batch: number;
  prefix: string;
  rate?: number;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2]!) as LoadArgs;
  const templates = generateTickets({ startMs: Date.UTC(2026, 0, 5), days: 60, seed: 7 }).map((t) => t.item);
  const sent: [string, number][] = [];
  let next = 0;
  let errors = 0;
  const deadline = Date.now() + args.seconds * 1000;
  async function send(): Promise<void> {
    const body = Array.from({ length: args.batch }, () => {
      const n = next++;
      return { ...templates[n % templates.length]!, ticket_id: `${args.prefix}-${n}` };
    });
    const sentAt = Date.now();
    const response = await fetch(args.url, {
      method: "POST",
      headers: { authorization: `Bearer ${args.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.status !== 202) {
      errors++;
      await response.text();
      return;
    }
    const { accepted } = (await response.json()) as { accepted: { externalId: string }[] };
    for (const item of accepted) sent.push([item.externalId, sentAt]);
  }
  if (args.rate) {
    const intervalMs = (1000 * args.batch) / args.rate;
    const started = Date.now();
    const inFlight: Promise<void>[] = [];
    for (let k = 0; started + k * intervalMs < deadline; k++) {
      const wait = started + k * intervalMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      inFlight.push(send());
    }
    await Promise.all(inFlight);
  } else {
    const client = async () => {
      while (Date.now() < deadline) await send();
    };
    await Promise.all(Array.from({ length: args.concurrency }, client));
  }
  process.stdout.write(`${JSON.stringify({ sent, errors })}\n`);
}

void main();
