/**
 * Seeds the stored-XSS sweep's data directory before its server starts (`tsx e2e/security/hostile-world.ts`,
 * run by playwright.security.config.ts ahead of `next start`): the demo workspace, then the XSS corpus
 * planted through the services the app itself uses, in every place a person can get text into: workflow
 * names and descriptions, version notes, node names, field labels and enum values, route teams, queue
 * names, escalation notes, live items (text, subject, fields), the model's explanation, review comments,
 * a reviewer's name, datasets (text and actual labels) and a backtest over them with its criteria notes,
 * connector names and descriptions, API key names and dead-lettered items' errors.
 *
 * It writes a manifest beside the data directory naming what it made (ids, the API key for the HTTP part of
 * the sweep), then closes the database: one process owns a PGlite directory at a time.
 */
import { existsSync, writeFileSync } from "node:fs";
import { eq, inArray } from "drizzle-orm";
import type { Graph } from "@/lib/engine/graph/graph-schema";
import type { ConnectorGateway, Models } from "@/lib/engine/ports";
import { DEMO_USERS } from "@/server/config";
import { getDatabase } from "@/server/db";
import type { Db } from "@/server/db/client";
import { items, user, workflows } from "@/server/db/schema";
import { createUserWithPassword } from "@/server/db/seed/users";
import { createApiKey } from "@/server/services/api-keys/api-keys";
import { saveCriteria } from "@/server/services/backtests/criteria";
import { executeBacktest } from "@/server/services/backtests/run-backtest";
import { startBacktest } from "@/server/services/backtests/start-backtest";
import { createConnector } from "@/server/services/connectors/manage-connectors";
import { importDataset } from "@/server/services/datasets/import-dataset";
import { decideTask } from "@/server/services/reviews/decide-task";
import { addQueueMember, saveQueue } from "@/server/services/reviews/queues";
import { processItem } from "@/server/services/runs/process-item";
import { createWorkflow } from "@/server/services/workflows/create-workflow";
import { publishVersion } from "@/server/services/workflows/publish-version";
import { saveDraft } from "@/server/services/workflows/save-draft";
import { HOSTILE_CONNECTOR_IDS, type HostileManifest } from "./hostile-manifest";
import { xssPayloads, type XssPayload } from "./payloads";

const BUNDLE = 10;
const DAY = 86_400_000;

const noConnectors: ConnectorGateway = { call: () => ({ status: "unavailable", reason: "not used" }) };

async function main(): Promise<void> {
  const manifestPath = process.argv[2];
  if (!manifestPath) throw new Error("usage: hostile-world.ts <manifest.json>");
  if (existsSync(manifestPath)) {
    console.log(`[xss-sweep] ${manifestPath} exists: the data directory is already planted`);
    return;
  }
  const database = await getDatabase();
  const db = database.db;
  try {
    const manifest = await plant(db);
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    const planted = Object.keys(manifest.placements).length;
    console.log(`[xss-sweep] planted ${planted} payloads in ${countPlaces(manifest)} places`);
  } finally {
    await database.close();
  }
}

function countPlaces(manifest: HostileManifest): number {
  return Object.values(manifest.placements).reduce((n, places) => n + places.length, 0);
}

async function plant(db: Db): Promise<HostileManifest> {
  const payloads = xssPayloads();
  const placements: Record<string, string[]> = {};
  const place = (payload: XssPayload, where: string) => (placements[payload.id] ??= []).push(where);
  // Round-robin over the corpus, so every place gets a spread of vectors.
  let cursor = 0;
  const next = (where: string): string => {
    const payload = payloads[cursor++ % payloads.length]!;
    place(payload, where);
    return payload.text;
  };
  const bundles: XssPayload[][] = [];
  for (let i = 0; i < payloads.length; i += BUNDLE) bundles.push(payloads.slice(i, i + BUNDLE));
  const bundleText = (bundle: XssPayload[], where: string) => {
    for (const payload of bundle) place(payload, where);
    return bundle.map((p) => p.text).join(" ");
  };

  const ids = await demoUserIds(db);
  const [demo] = await db
    .select({ id: workflows.id })
    .from(workflows)
    .where(eq(workflows.name, "Support triage"));
  if (!demo) throw new Error("the demo workspace was not seeded");

  // A reviewer whose name is a payload, in the hostile queue: the inbox history and the users page show it.
  const hostileReviewerId = await createUserWithPassword(db, {
    email: "hostile-reviewer@demo.switchboard.dev",
    name: next("user name"),
    role: "reviewer",
    password: "hostile-reviewer-password",
  });

  // The live workflow: every name and free-text setting a payload.
  const queueName = next("queue name");
  const queue = await saveQueue(db, {
    name: queueName,
    team: next("queue team"),
    description: next("queue description"),
    slaMinutes: 60,
    escalationContactId: ids.admin,
  });
  for (const userId of [ids.reviewer, hostileReviewerId])
    await addQueueMember(db, { queueId: queue.id, userId }, ids.admin);
  const enumValues = Array.from({ length: 5 }, () => next("field enum value"));
  const graph = hostileGraph({ next, queueName, enumValues });
  const created = await createWorkflow(db, ids.owner, {
    name: next("workflow name"),
    description: next("workflow description"),
    graph,
    note: next("version note"),
  });
  await publishVersion(db, ids.owner, { workflowId: created.id, versionId: created.versionId });
  await saveDraft(db, ids.owner, {
    workflowId: created.id,
    graph: hostileGraph({ next, queueName, enumValues }),
    note: next("version note"),
    baseVersion: 1,
  });

  // Live items through the published version, with a model whose explanation is a bundle of payloads.
  const taskIds: string[] = [];
  const now = Date.now();
  for (const [i, bundle] of bundles.entries()) {
    const explanation = bundleText(bundle, "model explanation");
    const models: Models = {
      classify: ({ labels }) => ({ label: labels[0]!, confidence: 0.42, explanation }),
    };
    const at = now - (bundles.length - i) * 60_000;
    const processed = await processItem(
      db,
      {
        workflowId: created.id,
        payload: {
          ticket_id: `HOSTILE-${i}`,
          subject: bundle[0]!.text,
          body: bundleText(bundle, "item text"),
          customer_email: bundle[1 % bundle.length]!.text,
          channel: enumValues[i % enumValues.length],
          created_at: new Date(at).toISOString(),
        },
        receivedAt: new Date(at),
      },
      { connectors: noConnectors, models, clock: { now: () => at, monotonic: () => 0 } },
    );
    place(bundle[0]!, "item subject");
    place(bundle[1 % bundle.length]!, "item field");
    if (processed.taskId) taskIds.push(processed.taskId);
  }
  // Half of the tasks decided with payload comments, by the reviewer with the payload name.
  const reviewer = { id: hostileReviewerId, role: "reviewer" as const };
  for (const [i, taskId] of taskIds.entries()) {
    if (i % 2 === 1) continue;
    await decideTask(
      db,
      reviewer,
      { taskId, expectedVersion: 1, action: "send_back", comment: next("review comment") },
      new Date(now - 30_000),
    );
  }
  // Items that kept failing: the dead-letter list shows their error.
  const deadIds = (
    await db.select({ id: items.id }).from(items).where(eq(items.workflowId, created.id)).limit(40)
  ).slice(-8);
  for (const { id } of deadIds) {
    await db
      .update(items)
      .set({ status: "dead_letter", attempts: 5, lastError: next("dead-letter error") })
      .where(inArray(items.id, [id]));
  }

  // A dataset whose texts and actual labels are payloads, and a backtest over it (mismatch explorer).
  const dataset = await importDataset(db, {
    name: next("dataset name"),
    sourceName: "hostile.csv",
    mapping: {
      format: "csv",
      id: "ticket_id",
      at: "created_at",
      dateFormat: "iso",
      label: "outcome",
      text: "body",
    },
    source: [hostileCsv(payloads, now, place)],
    createdBy: ids.owner,
  });
  await saveCriteria(db, ids.owner, {
    workflowId: created.id,
    minAutoAccuracy: 0.5,
    maxEscalationRate: 0.9,
    minLabelRecall: {},
    approverId: ids.admin,
    note: next("criteria note"),
  });
  let backtestRunId: string | null = null;
  if (dataset.status === "ready") {
    const { runId } = await startBacktest(
      db,
      ids.owner,
      {
        workflowId: created.id,
        versionId: created.versionId,
        datasetId: dataset.datasetId,
        readsFixture: {},
      },
      { launch: false },
    );
    await executeBacktest(db, runId, { batchSize: 500, prefetch: false });
    backtestRunId = runId;
  }

  // A gallery draft: one route node per payload slice, named and teamed with payloads.
  const galleryNodes = Array.from({ length: 40 }, (_, i) => ({
    id: `gallery_${i}`,
    type: "route",
    name: next("node name"),
    position: { x: (i % 8) * 260, y: 200 + Math.floor(i / 8) * 140 },
    config: { team: next("route team") },
  }));
  const gallery = await createWorkflow(db, ids.owner, {
    name: next("workflow name"),
    description: next("workflow description"),
    graph: { ...graph, nodes: [...graph.nodes, ...galleryNodes] },
    note: next("version note"),
  });
  // More workflows, so the lists (workflows, monitoring, thresholds, backtests) carry many names.
  for (let i = 0; i < 20; i++) {
    await createWorkflow(db, ids.owner, {
      name: next("workflow name"),
      description: next("workflow description"),
    });
  }

  // Connectors: names, descriptions, operation descriptions and profile texts.
  for (const id of HOSTILE_CONNECTOR_IDS) {
    await createConnector(
      db,
      {
        id,
        definition: {
          name: next("connector name"),
          description: next("connector description"),
          baseUrl: "https://hostile.example.com/api",
          auth: { method: "none" },
          operations: [
            {
              name: "lookup",
              description: next("connector operation description"),
              kind: "read",
              method: "GET",
              path: "/lookup",
            },
          ],
          profile: {
            access: "api",
            dataExposed: next("connector profile text"),
            humanTasks: [next("connector human task")],
          },
        },
      },
      ids.admin,
    );
  }

  const key = await createApiKey(db, ids.admin, { name: next("API key name"), workflowId: demo.id });
  return {
    hostileWorkflowId: created.id,
    galleryWorkflowId: gallery.id,
    demoWorkflowId: demo.id,
    apiKey: key.secret,
    backtestRunId: backtestRunId as string,
    datasetId: dataset.datasetId,
    placements,
    bundle: BUNDLE,
  };
}

async function demoUserIds(db: Db): Promise<Record<"admin" | "owner" | "reviewer", string>> {
  const rows = await db
    .select({ id: user.id, email: user.email })
    .from(user)
    .where(
      inArray(
        user.email,
        DEMO_USERS.map((u) => u.email),
      ),
    );
  const byRole = Object.fromEntries(
    DEMO_USERS.map((u) => [u.role, rows.find((r) => r.email === u.email)?.id]),
  ) as Record<"admin" | "owner" | "reviewer", string | undefined>;
  if (!byRole.admin || !byRole.owner || !byRole.reviewer) throw new Error("the demo users were not seeded");
  return byRole as Record<"admin" | "owner" | "reviewer", string>;
}

/*
 * trigger ─► classify ──billing──► route_billing
 *               │ technical ──► route_technical
 *               └ low_confidence ──► escalate_hostile
 */
function hostileGraph(input: {
  next: (where: string) => string;
  queueName: string;
  enumValues: string[];
}): Graph {
  const { next } = input;
  return {
    schemaVersion: 1,
    settings: { escalationQueue: input.queueName },
    nodes: [
      {
        id: "trigger",
        type: "trigger",
        name: next("node name"),
        position: { x: 0, y: 0 },
        config: {
          fields: [
            { name: "ticket_id", label: next("field label"), type: "string", required: true },
            { name: "subject", label: next("field label"), type: "string", required: true },
            { name: "body", label: next("field label"), type: "string", required: true },
            { name: "customer_email", label: next("field label"), type: "string", required: false },
            { name: "channel", type: "enum", required: false, values: input.enumValues },
            { name: "created_at", type: "date", required: true },
          ],
          textField: "body",
          idField: "ticket_id",
          occurredAtField: "created_at",
        },
      },
      {
        id: "classify",
        type: "classify",
        name: next("node name"),
        position: { x: 280, y: 0 },
        config: {
          labels: ["billing", "technical"],
          model: { kind: "keyword", keywords: { billing: ["invoice"], technical: ["error"] } },
          threshold: 0.9,
        },
      },
      {
        id: "route_billing",
        type: "route",
        name: next("node name"),
        position: { x: 560, y: -120 },
        config: { team: next("route team") },
      },
      {
        id: "route_technical",
        type: "route",
        name: next("node name"),
        position: { x: 560, y: 0 },
        config: { team: next("route team") },
      },
      {
        id: "escalate_hostile",
        type: "escalate",
        name: next("node name"),
        position: { x: 560, y: 120 },
        config: { queue: input.queueName, note: next("escalation note") },
      },
    ],
    edges: [
      { id: "e1", source: "trigger", sourceHandle: "out", target: "classify" },
      { id: "e2", source: "classify", sourceHandle: "billing", target: "route_billing" },
      { id: "e3", source: "classify", sourceHandle: "technical", target: "route_technical" },
      { id: "e4", source: "classify", sourceHandle: "low_confidence", target: "escalate_hostile" },
    ],
  };
}

/** One row per payload: its text as the body and the subject, and as the actual label of the case. */
function hostileCsv(
  payloads: XssPayload[],
  now: number,
  place: (payload: XssPayload, where: string) => void,
): string {
  const cell = (value: string) => `"${value.replace(/"/g, '""')}"`;
  const lines = ["ticket_id,created_at,subject,body,customer_email,outcome"];
  for (const [i, payload] of payloads.entries()) {
    const at = new Date(now - 20 * DAY + i * 60_000).toISOString();
    lines.push(
      [`DS-${i}`, at, payload.text, payload.text, "x@example.com", payload.text].map(cell).join(","),
    );
    place(payload, "dataset text and label");
  }
  return `${lines.join("\n")}\n`;
}

main().catch((error: unknown) => {
  console.error("[xss-sweep] seeding failed:", error);
  process.exit(1);
});
