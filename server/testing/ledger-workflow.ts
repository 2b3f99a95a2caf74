import { eq } from "drizzle-orm";
import { graphSchema, type GraphInput } from "@/lib/engine/graph/graph-schema";
import type { Db } from "../db/client";
import { createUserWithPassword } from "../db/seed/users";
import { workflows } from "../db/schema";
import { createConnector } from "../services/connectors/manage-connectors";
import { createWorkflow } from "../services/workflows/create-workflow";
import { publishVersion } from "../services/workflows/publish-version";

/** An item for the ledger workflow. */
export function ledgerItem(id: string, text = "entry"): Record<string, unknown> {
  return { id, text, at: "2026-11-26T09:00:00Z" };
}

export const LEDGER_OWNER = { email: "ledger-owner@test", name: "Olga Owner", role: "owner" as const };

/** A ledger workflow with an owner of its own, who created and published it. */
export async function createLedgerWorld(
  db: Db,
  input: Omit<Parameters<typeof createLedgerWorkflow>[1], "ownerId" | "publisherId">,
): Promise<{ workflowId: string; versionId: string; ownerId: string }> {
  const ownerId = await createUserWithPassword(db, { ...LEDGER_OWNER, password: "password123" });
  return { ...(await createLedgerWorkflow(db, { ...input, ownerId, publisherId: ownerId })), ownerId };
}

/**
 * A live workflow whose every item writes one record to a "ledger" system at `ledgerUrl` (a loopback
 * server in tests and benchmarks), then routes to a team: the smallest graph with a side effect, for
 * proving that no write is lost or repeated.
 */
export async function createLedgerWorkflow(
  db: Db,
  input: {
    ledgerUrl: string;
    ownerId: string | null;
    publisherId: string;
    /** How long the circuit stays open once the ledger keeps failing (default 30 s). */
    breakerCooldownMs?: number;
    /** Read GET /lookup/{id} before the write (a place for a test to hold a worker mid-item). */
    lookupFirst?: boolean;
  },
): Promise<{ workflowId: string; versionId: string }> {
  await createConnector(
    db,
    {
      id: "ledger",
      definition: {
        name: "Ledger",
        description: "Records one entry per item.",
        baseUrl: input.ledgerUrl,
        auth: { method: "none" },
        operations: [
          {
            name: "lookup",
            description: "Look an entry up.",
            kind: "read",
            method: "GET",
            path: "/lookup/{{input.id}}",
            responseMapping: { known: "known" },
            sampleInput: { id: "x" },
          },
          {
            name: "record",
            description: "Record an entry.",
            kind: "write",
            method: "POST",
            path: "/records",
            bodyTemplate: { item: "{{input.id}}" },
            responseMapping: { recordId: "id" },
            sampleInput: { id: "x" },
          },
        ],
        profile: {
          access: "api",
          dataExposed: "Ledger entries.",
          dataFormat: "json",
          rateLimit: { requestsPerSecond: 10_000, burst: 10_000 },
          latency: { p50Ms: 2, p95Ms: 10 },
          humanTasks: [],
          onUnavailable: { policy: "retry_later", maxWaitMinutes: 60 },
        },
        allowedHosts: ["127.0.0.1"],
        resilience: {
          ...(input.breakerCooldownMs ? { breakerCooldownMs: input.breakerCooldownMs } : {}),
          // A held lookup must outlast the test's pause of the worker that sent it.
          ...(input.lookupFirst ? { timeoutMs: 60_000 } : {}),
        },
      },
    },
    input.ownerId,
  );
  const graph: GraphInput = {
    schemaVersion: 1,
    id: "ledger",
    name: "Ledger",
    settings: { escalationQueue: "triage" },
    nodes: [
      {
        id: "trigger",
        type: "trigger",
        name: "Item",
        position: { x: 0, y: 0 },
        config: {
          fields: [
            { name: "id", type: "string", required: true },
            { name: "text", type: "string", required: true },
            { name: "at", type: "date", required: true },
          ],
          textField: "text",
          idField: "id",
          occurredAtField: "at",
        },
      },
      {
        id: "record",
        type: "connector",
        name: "Record in ledger",
        position: { x: 280, y: 0 },
        escalateUnconnected: ["error"],
        config: {
          connectorId: "ledger",
          operation: "record",
          kind: "write",
          input: { id: "item.id" },
          onUnavailable: "retry_later",
        },
      },
      {
        id: "done",
        type: "route",
        name: "Route to ops",
        position: { x: 560, y: 0 },
        config: { team: "ops" },
      },
    ],
    edges: [
      { id: "e1", source: "trigger", sourceHandle: "out", target: "record" },
      { id: "e2", source: "record", sourceHandle: "ok", target: "done" },
    ],
  };
  if (input.lookupFirst) {
    graph.nodes.push({
      id: "lookup",
      type: "connector",
      name: "Look up in ledger",
      position: { x: 140, y: 120 },
      escalateUnconnected: ["error"],
      config: {
        connectorId: "ledger",
        operation: "lookup",
        kind: "read",
        input: { id: "item.id" },
        onUnavailable: "retry_later",
      },
    });
    graph.edges = [
      { id: "e0", source: "trigger", sourceHandle: "out", target: "lookup" },
      { id: "e1", source: "lookup", sourceHandle: "ok", target: "record" },
      { id: "e2", source: "record", sourceHandle: "ok", target: "done" },
    ];
  }
  const created = await createWorkflow(db, input.ownerId, {
    name: "Ledger",
    graph: graphSchema.parse(graph),
  });
  await publishVersion(db, input.publisherId, { workflowId: created.id, versionId: created.versionId });
  await db
    .update(workflows)
    .set({ stage: "live", liveVersionId: created.versionId, canaryPercent: 100 })
    .where(eq(workflows.id, created.id));
  return { workflowId: created.id, versionId: created.versionId };
}
