import { describe, expect, it } from "vitest";
import { compileGraph } from "../../../engine/compile/compile-graph";
import { graphSchema } from "../../../engine/graph/graph-schema";
import { backtestPorts } from "../../../engine/modes/backtest-ports";
import { routeModels } from "../../../engine/models/route-models";
import { runItemSync } from "../../../engine/run/run-item";
import { supportTriageGraph } from "../../support-triage";
import { generateTickets } from "../generate-tickets";

const startMs = Date.UTC(2026, 5, 1);

describe("generateTickets", () => {
  const tickets = generateTickets({ startMs, days: 91, seed: 7, outageDay: 40 });

  it("spreads tickets over every day, with quieter weekends and an outage spike", () => {
    const perDay = new Map<number, number>();
    for (const t of tickets) {
      const day = Math.floor((Date.parse(t.item.created_at) - startMs) / 86_400_000);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    expect(perDay.size).toBe(91);
    const weekday = (day: number) => new Date(startMs + day * 86_400_000).getUTCDay();
    const mean = (days: number[]) => days.reduce((s, d) => s + (perDay.get(d) ?? 0), 0) / days.length;
    const all = [...perDay.keys()];
    expect(mean(all.filter((d) => weekday(d) === 0))).toBeLessThan(
      mean(all.filter((d) => weekday(d) === 2)) * 0.6,
    );
    expect(perDay.get(40)!).toBeGreaterThan(mean(all.filter((d) => weekday(d) === weekday(40))) * 1.4);
  });

  it("is deterministic for a seed, and unique in ticket ids, in time order", () => {
    expect(generateTickets({ startMs, days: 5, seed: 7 })).toEqual(
      generateTickets({ startMs, days: 5, seed: 7 }),
    );
    expect(new Set(tickets.map((t) => t.item.ticket_id)).size).toBe(tickets.length);
    const times = tickets.map((t) => Date.parse(t.item.created_at));
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
  });

  it("produces tickets the demo workflow handles mostly right, but not perfectly", () => {
    const compiled = compileGraph(graphSchema.parse(supportTriageGraph));
    const sample = tickets.slice(0, 1500);
    let agree = 0;
    let escalated = 0;
    for (const t of sample) {
      const ports = backtestPorts({
        models: routeModels(),
        recordedReads: { "crm.get_customer": { status: "ok", data: { tier: t.item.customer_tier } } },
      });
      const { outcome } = runItemSync(compiled, t.item, { ports, trace: false });
      if (outcome.type === "escalate") escalated++;
      const label =
        outcome.type === "route"
          ? outcome.team
          : outcome.type === "resolve"
            ? outcome.resolution
            : outcome.type === "escalate"
              ? outcome.queue
              : "";
      if (outcome.type !== "escalate" && label === t.actual.label) agree++;
    }
    const autoAccuracy = agree / (sample.length - escalated);
    expect(escalated / sample.length).toBeGreaterThan(0.03);
    expect(escalated / sample.length).toBeLessThan(0.5);
    expect(autoAccuracy).toBeGreaterThan(0.6);
    expect(autoAccuracy).toBeLessThan(0.995);
  });
});
