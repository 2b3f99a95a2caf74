import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Outcome, Trace } from "@/lib/engine/run/outcome";
import type { Database } from "../../../db/client";
import { items, workflows, type ItemStatus } from "../../../db/schema";
import { createUserWithPassword } from "../../../db/seed/users";
import { openTestDatabase } from "../../../testing/test-database";
import { createWorkflow } from "../../workflows/create-workflow";
import { publishVersion } from "../../workflows/publish-version";
import { starterGraph } from "../../workflows/starter-graph";
import { getItem } from "../get-item";
import { listItems } from "../list-items";
import { uploadTarget } from "../upload-target";

let database: Database;
let ownerId: string;
let workflow: { id: string; versionId: string };

/*
 *   [trigger: ticket_id, subject "Subject line", body, priority low|high, amount?, occurred_at] --> [done]
 */
function ticketGraph() {
  const graph = starterGraph();
  graph.nodes[0]!.config = {
    fields: [
      { name: "ticket_id", type: "string", required: true },
      { name: "subject", label: "Subject line", type: "string", required: true },
      { name: "body", type: "string", required: true },
      { name: "priority", type: "enum", required: true, values: ["low", "high"] },
      { name: "amount", type: "number", required: false },
      { name: "occurred_at", type: "date", required: true },
    ],
    textField: "body",
    idField: "ticket_id",
    occurredAtField: "occurred_at",
  };
  return graph;
}

beforeAll(async () => {
  database = await openTestDatabase();
  ownerId = await createUserWithPassword(database.db, {
    email: "olga@test",
    name: "Olga",
    role: "owner",
    password: "password123",
  });
  workflow = await createWorkflow(database.db, ownerId, { name: "Tickets", graph: ticketGraph() });
});
afterAll(() => database.close());

let sequence = 0;
async function item(
  status: ItemStatus,
  extra: { outcome?: Outcome; trace?: Trace; mode?: "live" | "shadow" } = {},
) {
  sequence += 1;
  const id = crypto.randomUUID();
  await database.db.insert(items).values({
    id,
    workflowId: workflow.id,
    versionId: workflow.versionId,
    externalId: `T-${sequence}`,
    payload: {
      ticket_id: `T-${sequence}`,
      subject: `Ticket ${sequence}`,
      body: "Long text",
      priority: "low",
      occurred_at: "2026-01-01T00:00:00Z",
    },
    mode: extra.mode ?? "live",
    status,
    outcome: extra.outcome ?? null,
    trace: extra.trace ?? null,
    receivedAt: new Date(Date.UTC(2026, 0, 1, 0, sequence)),
  });
  return id;
}

describe("items", () => {
  it("says an upload cannot go to a workflow that is not running, and why", async () => {
    await publishVersion(database.db, ownerId, { workflowId: workflow.id, versionId: workflow.versionId });
    expect(await uploadTarget(database.db, workflow.id)).toEqual({
      workflowId: workflow.id,
      workflowName: "Tickets",
      stage: "draft",
      accepting: false,
      notAccepting: expect.stringContaining("is a draft"),
      versions: [],
      fields: [],
      idField: null,
      textField: null,
    });
    await expect(uploadTarget(database.db, "no-such-workflow")).rejects.toThrow("no longer exists");
  });

  it("maps an upload to the trigger fields of the version in shadow, with their labels", async () => {
    await database.db
      .update(workflows)
      .set({ stage: "shadow", shadowVersionId: workflow.versionId })
      .where(eq(workflows.id, workflow.id));
    const target = await uploadTarget(database.db, workflow.id);
    expect(target).toMatchObject({
      accepting: true,
      versions: [{ id: workflow.versionId, version: 1, role: "shadow" }],
      idField: "ticket_id",
      textField: "body",
    });
    expect(target).not.toHaveProperty("notAccepting");
    expect(target.fields).toEqual([
      { name: "ticket_id", type: "string", required: true },
      { name: "subject", label: "Subject line", type: "string", required: true },
      { name: "body", type: "string", required: true },
      { name: "priority", type: "enum", required: true, values: ["low", "high"] },
      { name: "amount", type: "number", required: false },
      { name: "occurred_at", type: "date", required: true },
    ]);
  });

  it("asks for the fields of both versions when one is live and another in shadow", async () => {
    //   live: starter graph (id, text, occurred_at)   shadow: the ticket graph
    const other = await createWorkflow(database.db, ownerId, { name: "Two versions" });
    const shadow = await createWorkflow(database.db, ownerId, { name: "Donor", graph: ticketGraph() });
    await database.db
      .update(workflows)
      .set({ stage: "live", liveVersionId: other.versionId, shadowVersionId: shadow.versionId })
      .where(eq(workflows.id, other.id));
    const target = await uploadTarget(database.db, other.id);
    expect(target.accepting).toBe(true);
    expect(target.versions.map((v) => v.role)).toEqual(["live", "shadow"]);
    expect(target.fields.map((f) => f.name)).toEqual([
      "id",
      "text",
      "occurred_at",
      "ticket_id",
      "subject",
      "body",
      "priority",
      "amount",
    ]);
    expect(target).toMatchObject({ idField: "id", textField: "text" });
  });

  it("lists a workflow's items newest first, a page at a time, with counts by status", async () => {
    const outcome: Outcome = { type: "route", nodeId: "done", team: "billing" };
    const first = await item("completed", { outcome });
    const second = await item("queued");
    const third = await item("dead_letter");
    const shadow = await item("completed", { mode: "shadow", outcome });

    const all = await listItems(database.db, { workflowId: workflow.id, pageSize: 3 });
    expect(all.items.map((i) => i.id)).toEqual([shadow, third, second]);
    expect(all.hasMore).toBe(true);
    expect(all.statusCounts).toEqual({ completed: 2, queued: 1, dead_letter: 1 });
    expect(all.items[2]).toMatchObject({
      externalId: "T-2",
      title: "Ticket 2",
      status: "queued",
      outcome: null,
    });

    const next = await listItems(database.db, { workflowId: workflow.id, pageSize: 3, page: 1 });
    expect(next.items.map((i) => i.id)).toEqual([first]);
    expect(next.hasMore).toBe(false);

    const done = await listItems(database.db, {
      workflowId: workflow.id,
      statuses: ["completed"],
      mode: "live",
    });
    expect(done.items).toEqual([expect.objectContaining({ id: first, outcome, mode: "live" })]);
    expect(done.statusCounts.queued).toBe(1);

    expect((await listItems(database.db, { workflowId: "no-such-workflow" })).items).toEqual([]);
  });

  it("gets one item with its outcome, trace and fields in the trigger's order", async () => {
    const outcome: Outcome = { type: "end", nodeId: "done" };
    const trace: Trace = { runKey: "r", itemId: "T", startedAt: 0, steps: [], durationMs: 3 };
    const id = await item("completed", { outcome, trace });
    const detail = await getItem(database.db, id);
    expect(detail).toMatchObject({
      id,
      workflowName: "Tickets",
      status: "completed",
      outcome,
      trace,
      label: null,
      apiKeyId: null,
      attempts: 0,
    });
    expect(detail.view.text).toBe("Long text");
    expect(detail.view.fields.map((f) => f.name)).toEqual([
      "ticket_id",
      "subject",
      "priority",
      "occurred_at",
    ]);
    await expect(getItem(database.db, "no-such-item")).rejects.toThrow("does not exist");
  });
});
