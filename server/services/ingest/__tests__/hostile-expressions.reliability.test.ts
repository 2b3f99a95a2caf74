import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseExpression } from "@/lib/engine/expression/compile-expression";
import {
  HOSTILE_EXPRESSIONS,
  HOSTILE_TEMPLATES,
} from "@/lib/engine/expression/__tests__/hostile-expression-corpus";
import { graphSchema, type GraphInput } from "@/lib/engine/graph/graph-schema";
import type { Database } from "../../../db/client";
import { createUserWithPassword } from "../../../db/seed/users";
import { items, workflows } from "../../../db/schema";
import { createLiveConnectorGateway } from "../../../integrations/live-gateway";
import { renderBodyTemplate, renderPathTemplate, TemplateError } from "../../../integrations/template";
import {
  startLoopbackServer,
  type LoopbackServer,
} from "../../../integrations/__tests__/support/loopback-server";
import { recordFigures } from "../../../testing/reliability-figures";
import { openTestDatabase } from "../../../testing/test-database";
import { createConnector } from "../../connectors/manage-connectors";
import { startItemWorker } from "../../queue/item-worker";
import { createWorkflow } from "../../workflows/create-workflow";
import { publishVersion } from "../../workflows/publish-version";
import { ingestItems } from "../ingest-items";

/*
 * Issue 11, point 9: the condition language refuses prototype walks and constructor access, and ticket
 * text is always data. A payload counts as EVALUATED when it reached anything outside the expression:
 *   - the canary global was called, or Object.prototype gained a key;
 *   - its value holds a function, a symbol, or an object that is not CEL data (plain object, array, Map,
 *     bytes, Date; bigint ints) — a prototype or host object leaking out;
 *   - or it is one the corpus marks `refused` and it compiled and ran without an error.
 * A connector template counts as evaluated when its output differs from plain `{{input.<key>}}` substitution.
 */

let canaryCalls = 0;
const CANARY = "__reliabilityCanary";

function isCelData(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (value === null) return true;
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
    case "bigint":
      return true;
    case "object":
      break;
    default:
      return false; // function, symbol, undefined
  }
  if (Array.isArray(value)) return value.every((v) => isCelData(v, depth + 1));
  if (value instanceof Uint8Array || value instanceof Date) return true;
  if (value instanceof Map)
    return [...value].every(([k, v]) => isCelData(k, depth) && isCelData(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every((v) => isCelData(v, depth + 1));
}

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(",");

const ITEM = { text: "x", n: 1, a: [1], b: [2], c: [3] };

describe("hostile expressions and templates", () => {
  const pristinePrototype = prototypeKeys();
  beforeAll(() => {
    Object.defineProperty(globalThis, CANARY, {
      value: () => void canaryCalls++,
      configurable: true,
      writable: true,
    });
  });
  afterAll(() => {
    delete (globalThis as Record<string, unknown>)[CANARY];
  });

  it(`the condition compiler refuses or contains all ${HOSTILE_EXPRESSIONS.length} known payloads`, () => {
    expect(HOSTILE_EXPRESSIONS.length).toBeGreaterThanOrEqual(50);
    const evaluated: string[] = [];
    let refusedCount = 0;
    for (const payload of HOSTILE_EXPRESSIONS) {
      const calls = canaryCalls;
      const parsed = parseExpression(payload.source);
      let ran = false;
      let value: unknown;
      if (parsed.ok) {
        const started = performance.now();
        try {
          value = parsed.expression.evaluate(ITEM, {});
          ran = true;
        } catch {
          // An evaluation error is a refusal.
        }
        // Nothing in the corpus may cost more than a moment, however it is built.
        expect(performance.now() - started, payload.source.slice(0, 60)).toBeLessThan(250);
      }
      if (!ran) refusedCount++;
      const leaked = ran && !isCelData(value);
      const escaped = canaryCalls !== calls || prototypeKeys() !== pristinePrototype;
      if (escaped || leaked || (payload.expect === "refused" && ran)) evaluated.push(payload.source);
    }
    recordFigures({
      expression_payloads: HOSTILE_EXPRESSIONS.length,
      expressions_evaluated: evaluated.length,
    });
    console.log(
      `[expressions] ${HOSTILE_EXPRESSIONS.length} payloads: ${refusedCount} refused, ${HOSTILE_EXPRESSIONS.length - refusedCount} ran as plain data, ${evaluated.length} evaluated`,
    );
    expect(evaluated).toEqual([]);
    expect(canaryCalls).toBe(0);
  });

  it("connector templates substitute text and never evaluate it, as templates or as values", () => {
    const evaluated: string[] = [];
    const input = { text: "x", id: "42" };
    for (const template of HOSTILE_TEMPLATES) {
      // As a template an owner wrote: plain substitution of {{input.text}} / {{input.id}}, or a refusal.
      const plain = template.replace(
        /\{\{\s*input\.(text|id)\s*\}\}/g,
        (_m, key: "text" | "id") => input[key],
      );
      try {
        const body = renderBodyTemplate({ value: template }, input) as { value: unknown };
        if (body.value !== plain) evaluated.push(`body template ${template}`);
      } catch (error) {
        if (!(error instanceof TemplateError))
          evaluated.push(`body template ${template} threw ${String(error)}`);
      }
      try {
        const path = renderPathTemplate(`/notes/${template}`, input);
        const expected = `/notes/${template.replace(/\{\{\s*input\.(text|id)\s*\}\}/g, (_m, key: "text" | "id") => encodeURIComponent(input[key]))}`;
        if (path !== expected) evaluated.push(`path template ${template}`);
      } catch (error) {
        if (!(error instanceof TemplateError))
          evaluated.push(`path template ${template} threw ${String(error)}`);
      }
    }
    // As item text flowing into a template: always the exact text (URL-encoded in a path).
    const values = [...HOSTILE_TEMPLATES, ...HOSTILE_EXPRESSIONS.map((p) => p.source)];
    for (const text of values) {
      const body = renderBodyTemplate(
        { text: "{{input.text}}", note: "Ticket: {{input.text}}" },
        { text },
      ) as Record<string, unknown>;
      if (body.text !== text || body.note !== `Ticket: ${text}`) evaluated.push(`value ${text.slice(0, 60)}`);
      if (renderPathTemplate("/n/{{input.text}}", { text }) !== `/n/${encodeURIComponent(text)}`)
        evaluated.push(`path value ${text.slice(0, 60)}`);
    }
    const escaped = canaryCalls > 0 || prototypeKeys() !== pristinePrototype;
    recordFigures({
      template_payloads: HOSTILE_TEMPLATES.length + values.length,
      templates_evaluated: evaluated.length + (escaped ? 1 : 0),
    });
    expect(evaluated).toEqual([]);
    expect(escaped).toBe(false);
  });
});

describe("ticket text is data, end to end", () => {
  let database: Database;
  let notes: LoopbackServer;
  let workflowId: string;

  beforeAll(async () => {
    notes = await startLoopbackServer((_request, response) => {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ id: "note-1" }));
    });
    database = await openTestDatabase();
    workflowId = await createNotesWorkflow(database, notes.url);
  });
  afterAll(async () => {
    await database?.close();
    await notes?.close();
  });

  it("texts holding expression and template syntax reach the connector and the stored outcome unchanged", async () => {
    // Every payload as ticket text, plus a word the condition looks for, so both branches run.
    const texts = [...HOSTILE_TEMPLATES, ...HOSTILE_EXPRESSIONS.map((p) => p.source)].flatMap((payload) => [
      payload,
      `refund ${payload}`,
    ]);
    const sent = texts.map((text, i) => ({ id: `t-${i}`, text, at: "2026-11-26T09:00:00Z" }));
    const result = await ingestItems(database.db, { workflowId, apiKeyId: null, items: sent });
    expect(result.rejected).toEqual([]);

    const worker = await startItemWorker(database, {
      connectors: createLiveConnectorGateway(database, { log: () => {}, sleep: async () => {} }),
      pollIntervalMs: 50,
      batchSize: 16,
    });
    const rows = async () => database.db.select().from(items).where(eq(items.workflowId, workflowId));
    try {
      const deadline = Date.now() + 120_000;
      while ((await rows()).some((row) => row.status === "queued")) {
        if (Date.now() > deadline) throw new Error("items did not finish");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await worker.stop();
    }

    const received = new Map(
      notes.requests.map((request) => {
        const body = JSON.parse(request.body) as { id: string; text: string; note: string };
        return [body.id, { ...body, path: request.path }];
      }),
    );
    const altered: string[] = [];
    const stored = new Map((await rows()).map((row) => [row.externalId, row]));
    for (const item of sent) {
      const call = received.get(item.id);
      const refund = item.text.includes("refund");
      if (!refund && call) altered.push(`connector called for ${item.id}`);
      if (
        refund &&
        (call?.text !== item.text ||
          call.note !== `Ticket ${item.id}: ${item.text}` ||
          call.path !== `/notes/${encodeURIComponent(item.id)}`)
      )
        altered.push(`connector ${item.id}`);
      const row = stored.get(item.id);
      const team = refund ? "billing" : "support";
      if (row?.status !== "completed" || (row.payload as { text?: unknown }).text !== item.text)
        altered.push(`stored ${item.id}`);
      if (row?.outcome?.type !== "route" || (row.outcome as { team?: string }).team !== team)
        altered.push(`outcome ${item.id}`);
    }
    recordFigures({ data_texts: sent.length, data_texts_altered: altered.length });
    expect(altered).toEqual([]);
    expect(canaryCalls).toBe(0);
  }, 180_000);
});

/*
 *   trigger ──▶ condition: item.text.contains("refund") ──true──▶ notes.add ──ok──▶ route billing
 *                                                   └──false──▶ route support
 * notes.add POSTs /notes/{{input.id}} with { id, text: "{{input.text}}", note: "Ticket {{input.id}}: {{input.text}}" }.
 */
async function createNotesWorkflow(database: Database, notesUrl: string): Promise<string> {
  const ownerId = await createUserWithPassword(database.db, {
    email: "notes-owner@test",
    name: "Nora Owner",
    role: "owner",
    password: "password123",
  });
  await createConnector(
    database.db,
    {
      id: "notes",
      definition: {
        name: "Notes",
        description: "Adds a note per ticket.",
        baseUrl: notesUrl,
        auth: { method: "none" },
        operations: [
          {
            name: "add",
            description: "Add a note.",
            kind: "write",
            method: "POST",
            path: "/notes/{{input.id}}",
            bodyTemplate: {
              id: "{{input.id}}",
              text: "{{input.text}}",
              note: "Ticket {{input.id}}: {{input.text}}",
            },
            responseMapping: { noteId: "id" },
            sampleInput: { id: "x", text: "y" },
          },
        ],
        profile: {
          access: "api",
          dataExposed: "Notes.",
          dataFormat: "json",
          rateLimit: { requestsPerSecond: 10_000, burst: 10_000 },
          latency: { p50Ms: 2, p95Ms: 10 },
          humanTasks: [],
          onUnavailable: { policy: "escalate" },
        },
        allowedHosts: ["127.0.0.1"],
        // The machine is shared and PGlite is slow under load: a slow answer is not what this test is about.
        resilience: { timeoutMs: 30_000 },
      },
    },
    ownerId,
  );
  const graph: GraphInput = {
    schemaVersion: 1,
    id: "notes",
    name: "Notes",
    settings: { escalationQueue: "triage" },
    nodes: [
      {
        id: "trigger",
        type: "trigger",
        name: "Ticket",
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
        id: "is_refund",
        type: "condition",
        name: "Refund?",
        position: { x: 200, y: 0 },
        config: { expression: 'item.text.contains("refund")' },
      },
      {
        id: "note",
        type: "connector",
        name: "Add note",
        position: { x: 400, y: 0 },
        escalateUnconnected: ["error"],
        config: {
          connectorId: "notes",
          operation: "add",
          kind: "write",
          input: { id: "item.id", text: "item.text" },
          onUnavailable: "escalate",
        },
      },
      {
        id: "billing",
        type: "route",
        name: "Billing",
        position: { x: 600, y: 0 },
        config: { team: "billing" },
      },
      {
        id: "support",
        type: "route",
        name: "Support",
        position: { x: 400, y: 200 },
        config: { team: "support" },
      },
    ],
    edges: [
      { id: "e1", source: "trigger", sourceHandle: "out", target: "is_refund" },
      { id: "e2", source: "is_refund", sourceHandle: "true", target: "note" },
      { id: "e3", source: "is_refund", sourceHandle: "false", target: "support" },
      { id: "e4", source: "note", sourceHandle: "ok", target: "billing" },
    ],
  };
  const created = await createWorkflow(database.db, ownerId, {
    name: "Notes",
    graph: graphSchema.parse(graph),
  });
  await publishVersion(database.db, ownerId, { workflowId: created.id, versionId: created.versionId });
  await database.db
    .update(workflows)
    .set({ stage: "live", liveVersionId: created.versionId, canaryPercent: 100 })
    .where(eq(workflows.id, created.id));
  return created.id;
}
