import http from "node:http";
import type { AddressInfo } from "node:net";
import { generateTickets } from "@/lib/demo/history/generate-tickets";
import { urgencyPhrases } from "@/lib/demo/history/ticket-templates";
import type { Db } from "../../db/client";
import { databaseConnectorSource, type ConnectorSource } from "../../integrations/connector-source";
import { HttpConnectorGateway } from "../../integrations/http-gateway";
import { InProcessRateLimiter } from "../../integrations/rate-limit/rate-limiter";
import { DEMO_CRM_ID } from "../connectors/demo";
import { reportedLabel, storeRun } from "../lifecycle/stored-runs";
import { recordCircuitChanges } from "./circuit-events";

const MINUTE = 60_000;
const DAY = 86_400_000;
const OUTAGE_ITEMS = 14;
const ITEM_SPACING_MS = 2.5 * MINUTE;
/** The CRM answers 503 for the first twenty minutes of the afternoon's tickets, then recovers. */
const DOWN_FOR_MS = 20 * MINUTE;

/** A stand-in for the demo CRM on a loopback port: down, then up (what /api/demo/crm says, when up). */
async function flakyCrm(isDown: () => boolean) {
  const server = http.createServer((_request, response) => {
    response.setHeader("content-type", "application/json");
    if (isDown()) {
      response.statusCode = 503;
      response.end(JSON.stringify({ error: "maintenance" }));
      return;
    }
    response.end(JSON.stringify({ customer: { id: "c-1", name: "A customer", plan: "pro", vip: false } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A CRM outage in the demo's shadow traffic, played through the real gateway so its breaker opens, probes
 * and closes as it would, and the changes are recorded as a worker records them: shadow tickets arrive every
 * 2.5 minutes from `startMs`; the CRM is down for the first 20. The gateway runs on a clock set to each
 * ticket's arrival, so the recorded circuit changes line up with the items' traces.
 */
export async function seedDemoCrmOutage(
  db: Db,
  options: { workflowId: string; versionId: string; startMs: number },
): Promise<void> {
  let clockMs = options.startMs;
  const crm = await flakyCrm(() => clockMs < options.startMs + DOWN_FOR_MS);
  const fromDatabase = databaseConnectorSource(db);
  const connectors: ConnectorSource = {
    async load(connectorId) {
      const loaded = await fromDatabase.load(connectorId);
      if (!loaded || connectorId !== DEMO_CRM_ID) return loaded;
      return { ...loaded, connector: { ...loaded.connector, baseUrl: crm.url, allowedHosts: ["127.0.0.1"] } };
    },
  };
  const recorder = recordCircuitChanges(db, "demo-worker");
  const gateway = new HttpConnectorGateway({
    connectors,
    rateLimiter: new InProcessRateLimiter(() => clockMs),
    now: () => clockMs,
    sleep: async (ms) => {
      clockMs += ms;
    },
    random: () => 0.5,
    log: () => {},
    onCircuitChange: recorder,
  });
  try {
    // A product outage day: its critical tickets are the ones that look their customer up in the CRM.
    const dayStart = Math.floor(options.startMs / DAY) * DAY;
    const tickets = generateTickets({ startMs: dayStart, days: 1, seed: 57, weekdayMean: 200, outageDay: 0 })
      .filter((t) => urgencyPhrases.critical.some((phrase) => t.item.body.includes(phrase)))
      .slice(0, OUTAGE_ITEMS);
    for (const [i, ticket] of tickets.entries()) {
      clockMs = options.startMs + i * ITEM_SPACING_MS;
      await storeRun(db, {
        workflowId: options.workflowId,
        versionId: options.versionId,
        mode: "shadow",
        payload: {
          ...ticket.item,
          ticket_id: `CRM-${new Date(options.startMs).toISOString().slice(0, 10)}-${i}`,
        },
        label: reportedLabel(ticket),
        receivedAt: new Date(clockMs),
        connectors: gateway,
      });
    }
  } finally {
    gateway.close();
    await crm.close();
    await recorder.settled();
  }
}
