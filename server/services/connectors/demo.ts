import { eq } from "drizzle-orm";
import { appPort } from "../../config";
import type { Db } from "../../db/client";
import { connectors } from "../../db/schema";
import type { ConnectorDefinitionInput } from "../../integrations/connector-schema";
import { DEMO_CRM_API_KEY } from "./demo-crm-api";
import { createConnector } from "./manage-connectors";

/** The id the demo workflow's connector node uses (`connectorId: "crm"`, recorded reads `crm.get_customer`). */
export const DEMO_CRM_ID = "crm";

export function demoCrmDefinition(baseUrl: string): ConnectorDefinitionInput {
  return {
    name: "CRM",
    description:
      "The demo CRM: customers by email, and notes on their timeline. Served by this app under /api/demo/crm.",
    baseUrl,
    auth: { method: "api_key", placement: "header", name: "x-api-key" },
    operations: [
      {
        name: "get_customer",
        description: "Look up a customer by email: plan and VIP flag.",
        kind: "read",
        method: "GET",
        path: "/customers?email={{input.email}}",
        responseMapping: {
          customerId: "customer.id",
          name: "customer.name",
          plan: "customer.plan",
          vip: "customer.vip",
        },
        sampleInput: { email: "grace@example.com" },
      },
      {
        name: "add_note",
        description: "Add a note to a customer's timeline.",
        kind: "write",
        method: "POST",
        path: "/notes",
        bodyTemplate: { email: "{{input.email}}", text: "{{input.text}}" },
        responseMapping: { noteId: "note.id", createdAt: "note.createdAt" },
        sampleInput: { email: "grace@example.com", text: "Test note from Switchboard." },
      },
    ],
    profile: {
      access: "api",
      dataExposed: "Customer name, plan and VIP flag, looked up by email; notes on a customer's timeline.",
      dataFormat: "json",
      rateLimit: { requestsPerSecond: 20, burst: 40 },
      latency: { p50Ms: 40, p95Ms: 200 },
      humanTasks: ["Merging duplicate customer records"],
      onUnavailable: { policy: "escalate" },
    },
    allowedHosts: [new URL(baseUrl).hostname],
  };
}

/**
 * Creates the demo CRM connector once (a second call finds it and does nothing). It points at this app's
 * own /api/demo/crm, which is why its loopback host is allowlisted.
 */
export async function seedDemoConnectors(
  db: Db,
  options: { baseUrl?: string } = {},
): Promise<{ connectorId: string }> {
  const [existing] = await db
    .select({ id: connectors.id })
    .from(connectors)
    .where(eq(connectors.id, DEMO_CRM_ID));
  if (existing) return { connectorId: existing.id };
  const baseUrl = options.baseUrl ?? `http://127.0.0.1:${appPort()}/api/demo/crm`;
  const created = await createConnector(
    db,
    { id: DEMO_CRM_ID, definition: demoCrmDefinition(baseUrl), secrets: { apiKey: DEMO_CRM_API_KEY } },
    null,
  );
  return { connectorId: created.id };
}
