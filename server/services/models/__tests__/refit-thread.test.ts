import { describe, expect, it } from "vitest";
import { generateTickets } from "@/lib/demo/history/generate-tickets";
import {
  serializeEmbeddedModel,
  trainEmbeddedModel,
  trainEmbeddedModelSplit,
  type TrainingCase,
} from "@/lib/models";
import { refitInThread, refitInWorker } from "../refit-thread/refit-thread";

const cases: TrainingCase[] = generateTickets({
  startMs: Date.UTC(2025, 0, 6),
  days: 30,
  seed: 4,
  weekdayMean: 40,
}).map((t) => ({
  text: `${t.item.subject}\n${t.item.body}`,
  fields: { customer_tier: t.item.customer_tier, channel: t.item.channel },
  label: t.actual.label,
  occurredAt: new Date(t.item.created_at),
}));
const cutoff = new Date(Date.UTC(2025, 1, 1));

describe("refitInThread", () => {
  it("refits in a worker thread to the very model a single thread trains", async () => {
    const options = { cases, cutoff };
    // refitInWorker has no fallback: this model came from the thread.
    const split = await trainEmbeddedModelSplit(options, refitInWorker);
    expect(split.training.size).toBeGreaterThan(500);
    expect(serializeEmbeddedModel(split)).toEqual(serializeEmbeddedModel(trainEmbeddedModel(options)));
  }, 120_000);

  it("answers the thread's training failure without training again here", async () => {
    await expect(refitInThread({ cases, cutoff: new Date(Date.UTC(2020, 0, 1)) })).rejects.toThrow(
      /no labelled case precedes the cut-off/,
    );
  }, 120_000);
});
