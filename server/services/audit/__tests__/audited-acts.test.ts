import { gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphSchema } from "@/lib/engine/graph/graph-schema";
import { DEMO_PASSWORD, DEMO_USERS } from "../../../config";
import type { Database } from "../../../db/client";
import { auditEvents, user, workflows } from "../../../db/schema";
import { seedOnFirstStart } from "../../../db/seed";
import { openTestDatabase } from "../../../testing/test-database";
import { createAuth } from "../../../auth";
import { appRouter } from "../../../root";
import { createCallerFactory, type SessionUser } from "../../../trpc";
import { createWorkflow } from "../../workflows/create-workflow";

/**
 * Every act the audit promises, done the way the app does it (tRPC as the signed-in user, sign-in through
 * better-auth) on the seeded demo workspace: each must append exactly the rows listed, naming the actor.
 */
process.env.BETTER_AUTH_SECRET ??= "test-secret-at-least-32-characters-long!!";
const origin = "http://localhost:3000";
const createCaller = createCallerFactory(appRouter);

let database: Database;
const users: Record<"admin" | "owner" | "reviewer", SessionUser> = {} as never;
let workflowId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedOnFirstStart(database.db, { demo: true, log: () => {} });
  for (const row of await database.db.select().from(user))
    users[row.role] = { id: row.id, email: row.email, name: row.name, role: row.role };
  [{ id: workflowId }] = (await database.db.select({ id: workflows.id }).from(workflows)) as [{ id: string }];
}, 180_000);
afterAll(() => database.close());

const as = (role: keyof typeof users) => createCaller({ db: database.db, user: users[role] });

async function newestId(): Promise<number> {
  const rows = await database.db.select({ id: auditEvents.id }).from(auditEvents);
  return Math.max(0, ...rows.map((r) => r.id));
}

/** Runs the act and answers the audit rows it appended. */
async function rowsWrittenBy(act: () => Promise<unknown>) {
  const before = await newestId();
  await act();
  return database.db.select().from(auditEvents).where(gt(auditEvents.id, before)).orderBy(auditEvents.id);
}

function signIn(email: string, password: string) {
  const auth = createAuth(database.db);
  return auth.handler(
    new Request(`${origin}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, "x-forwarded-for": "10.9.0.1" },
      body: JSON.stringify({ email, password }),
    }),
  );
}

const connectorDefinition = {
  name: "Audited CRM",
  baseUrl: "https://crm.example.com",
  auth: { method: "bearer" as const },
  operations: [],
};
const provider = {
  name: "Audited provider",
  kind: "openai" as const,
  baseUrl: null,
  defaultModel: "gpt-4o-mini",
  concurrency: 2,
  requestsPerMinute: 60,
  timeoutMs: 30_000,
  inputCostPerMillion: 0,
  outputCostPerMillion: 0,
};

/** trigger → route: the smallest graph that validates and passes its (no) spec tests. */
const smallestGraph = graphSchema.parse({
  schemaVersion: 1,
  id: "audited",
  name: "Audited",
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
    { id: "done", type: "route", name: "Route", position: { x: 200, y: 0 }, config: { team: "ops" } },
  ],
  edges: [{ id: "e1", source: "trigger", sourceHandle: "out", target: "done" }],
});

/** Ids made by earlier acts, for later ones (the table runs in order). */
const made: { connectorId?: string; keyId?: string; providerId?: string; decisionEventId?: string } = {};

interface Case {
  act: string;
  run: () => Promise<unknown>;
  /** The actions written, in order, and who is named. */
  expected: string[];
  actor: string;
}

const cases: Case[] = [
  {
    act: "a successful sign-in",
    run: async () => expect((await signIn(DEMO_USERS[0].email, DEMO_PASSWORD)).status).toBe(200),
    expected: ["auth.sign_in"],
    actor: DEMO_USERS[0].email,
  },
  {
    act: "a failed sign-in",
    run: async () => expect((await signIn(DEMO_USERS[1].email, "not-the-password")).status).toBe(401),
    expected: ["auth.sign_in_failed"],
    actor: DEMO_USERS[1].email,
  },
  {
    act: "a role change",
    run: () => as("admin").users.setRole({ userId: users.reviewer.id, role: "reviewer" }),
    expected: ["user.role_changed"],
    actor: "admin",
  },
  {
    act: "creating a connector with its secret",
    run: async () => {
      made.connectorId = (
        await as("admin").connectors.create({
          definition: connectorDefinition,
          secrets: { token: "t0ken-value" },
        })
      ).id;
    },
    expected: ["connector.created"],
    actor: "admin",
  },
  {
    act: "updating a connector",
    run: () =>
      as("admin").connectors.update({
        id: made.connectorId!,
        definition: { ...connectorDefinition, description: "changed" },
      }),
    expected: ["connector.updated"],
    actor: "admin",
  },
  {
    act: "setting a connector secret",
    run: () =>
      as("admin").connectors.setSecret({ connectorId: made.connectorId!, name: "token", value: "n3w-t0ken" }),
    expected: ["connector.secret_set"],
    actor: "admin",
  },
  {
    act: "clearing a connector secret",
    run: () => as("admin").connectors.clearSecret({ connectorId: made.connectorId!, name: "token" }),
    expected: ["connector.secret_cleared"],
    actor: "admin",
  },
  {
    act: "deleting a connector",
    run: () => as("admin").connectors.delete({ id: made.connectorId! }),
    expected: ["connector.deleted"],
    actor: "admin",
  },
  {
    act: "creating an API key",
    run: async () => {
      made.keyId = (await as("admin").apiKeys.create({ name: "audited", workflowId: null })).id;
    },
    expected: ["api_key.created"],
    actor: "admin",
  },
  {
    act: "revoking an API key",
    run: () => as("admin").apiKeys.revoke({ keyId: made.keyId! }),
    expected: ["api_key.revoked"],
    actor: "admin",
  },
  {
    act: "creating a model provider with a key",
    run: async () => {
      made.providerId = (await as("admin").modelProviders.create({ ...provider, apiKey: "sk-audited" })).id;
    },
    expected: ["model_provider.created"],
    actor: "admin",
  },
  {
    act: "updating a model provider",
    run: () =>
      as("admin").modelProviders.update({ ...provider, providerId: made.providerId!, concurrency: 3 }),
    expected: ["model_provider.updated"],
    actor: "admin",
  },
  {
    act: "setting and clearing a provider key",
    run: async () => {
      await as("admin").modelProviders.setKey({ providerId: made.providerId!, apiKey: "sk-other" });
      await as("admin").modelProviders.clearKey({ providerId: made.providerId! });
    },
    expected: ["model_provider.key_set", "model_provider.key_cleared"],
    actor: "admin",
  },
  {
    act: "deleting a model provider",
    run: () => as("admin").modelProviders.delete({ providerId: made.providerId! }),
    expected: ["model_provider.deleted"],
    actor: "admin",
  },
  {
    act: "changing a threshold",
    run: async () => {
      const { nodes } = await as("admin").thresholds.get({ workflowId });
      const node = nodes[0]!;
      await as("admin").thresholds.set({
        workflowId,
        nodeId: node.nodeId,
        value: 0.55,
        reason: "audit test",
        expectedValue: node.override?.value ?? null,
      });
    },
    expected: ["threshold.changed"],
    actor: "admin",
  },
  {
    act: "publishing a version",
    run: async () => {
      // A workflow of its own: the demo's spec tests are not this test's business.
      const created = await createWorkflow(database.db, users.owner.id, {
        name: "Audited",
        graph: smallestGraph,
      });
      await as("owner").workflows.publish({
        workflowId: created.id,
        versionId: created.versionId,
        note: "first",
      });
    },
    expected: ["workflow.published"],
    actor: "owner",
  },
  {
    act: "a lifecycle transition (stop the shadow run)",
    run: () => as("owner").lifecycle.stopShadow({ workflowId, reason: "audit test" }),
    expected: ["lifecycle.transition"],
    actor: "owner",
  },
  {
    act: "a review decision",
    run: async () => {
      const { tasks } = await as("reviewer").reviews.list({});
      const task = tasks.find((t) => t.suggested)!;
      made.decisionEventId = (
        await as("reviewer").reviews.decide({
          taskId: task.id,
          expectedVersion: task.version,
          action: "approve",
        })
      ).eventId;
    },
    expected: ["review.decided"],
    actor: "reviewer",
  },
  {
    act: "undoing a review decision",
    run: () => as("reviewer").reviews.undo({ eventId: made.decisionEventId! }),
    expected: ["review.undone"],
    actor: "reviewer",
  },
];

describe("every audited act writes its audit row", () => {
  it.each(cases)("$act", async ({ run, expected, actor }) => {
    const rows = await rowsWrittenBy(run);
    expect(rows.map((r) => r.action)).toEqual(expected);
    const email = actor in users ? users[actor as keyof typeof users].email : actor;
    for (const row of rows) expect(row).toMatchObject({ actorType: "user", actorLabel: email });
  });

  it("names the system when no one is signed in (a guard acting from the worker)", async () => {
    const { recordStageEvent } = await import("../../lifecycle/stage-events");
    const rows = await rowsWrittenBy(() =>
      database.db.transaction((tx) =>
        recordStageEvent(tx, {
          workflowId,
          kind: "auto_rollback",
          fromStage: "live",
          toStage: "live",
          versionId: null,
          canaryPercent: null,
          actorId: null,
          reason: "Canary guard test",
        }),
      ),
    );
    expect(rows).toMatchObject([
      { action: "lifecycle.auto_rollback", actorType: "system", actorLabel: "system" },
    ]);
  });

  it("writes no row for an act that was refused", async () => {
    const rows = await rowsWrittenBy(() =>
      as("admin")
        .users.setRole({ userId: users.admin.id, role: "reviewer" })
        .catch(() => null),
    );
    expect(rows).toEqual([]);
  });

  it("keeps secrets out of the rows", async () => {
    const all = JSON.stringify(await database.db.select().from(auditEvents));
    for (const secret of [
      "t0ken-value",
      "n3w-t0ken",
      "sk-audited",
      "sk-other",
      DEMO_PASSWORD,
      "not-the-password",
    ])
      expect(all).not.toContain(secret);
  });
});
