import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { DEMO_USERS } from "../../config";
import type { Db } from "../../db/client";
import {
  backtestResults,
  backtestRuns,
  connectors,
  datasets,
  items,
  monitoringAlerts,
  reviewEvents,
  reviewQueues,
  reviewTasks,
  user,
  workflowTestCases,
  workflowVersions,
} from "../../db/schema";
import { seedOnFirstStart } from "../../db/seed";
import { seedDemoWorkspace } from "../../db/seed/demo-workspace";
import { createUserWithPassword } from "../../db/seed/users";
import { createApiKey, revokeApiKey } from "../../services/api-keys/api-keys";
import { seedDemoHistoryAndBacktest } from "../../services/backtests/demo";
import { addEntries } from "../../services/knowledge/knowledge-entries";
import { decideTask } from "../../services/reviews/decide-task";
import { sweepOverdueTasks } from "../../services/reviews/sla-sweep";
import { addQueueMember } from "../../services/reviews/queues";
import { addTestCase } from "../../services/workflows/test-cases";
import { saveDraft } from "../../services/workflows/save-draft";
import { updateWorkflow } from "../../services/workflows/update-workflow";
import { getWorkflow } from "../../services/workflows/get-workflow";
import type { SessionUser } from "../../trpc";
import type { ObjectKind } from "../authz/object-kinds";

/** Marks everything of the other workflow, and every task of the queue the test reviewer is not in. */
export const OTHER_WORKFLOW_CANARY = "authz-canary-other-workflow";
export const OTHER_QUEUE_CANARY = "authz-canary-other-queue";
export const REVIEWER_PASSWORD = "authz-reviewer-password";

export type ObjectIds = Record<ObjectKind, string | number>;

export interface AuthzWorld {
  users: { admin: SessionUser; owner: SessionUser; reviewer: SessionUser; otherReviewer: SessionUser };
  /** The test reviewer's queue, workflow A and its objects. */
  own: ObjectIds;
  /** Another queue's task, another reviewer's decision, and workflow B's objects. */
  other: ObjectIds;
  apiKeys: { workflowA: string; workflowB: string; all: string; revoked: string };
  workflows: { a: string; b: string };
  /** The current version of the tasks the matrix names, so a decision's compare-and-set can succeed. */
  taskVersions: Record<string, number>;
}

async function one<T>(rows: Promise<T[]>, what: string): Promise<T> {
  const [row] = await rows;
  if (!row) throw new Error(`authz world: no ${what}`);
  return row;
}

async function sessionUserByEmail(db: Db, email: string): Promise<SessionUser> {
  const row = await one(db.select().from(user).where(eq(user.email, email)), email);
  return { id: row.id, email: row.email, name: row.name, role: row.role as SessionUser["role"] };
}

/**
 * The demo workspace (workflow A with its inbox, history, backtests and alerts), a second workflow B with its
 * own history and backtests, and a reviewer who is a member of the `triage` queue only. B's content and the
 * `compliance` queue's task titles carry canaries, so an answer that reveals them is caught by a search.
 */
export async function buildAuthzWorld(db: Db): Promise<AuthzWorld> {
  await seedOnFirstStart(db, { demo: true, log: () => {} });
  const byRole = (role: string) => DEMO_USERS.find((u) => u.role === role)!.email;
  const admin = await sessionUserByEmail(db, byRole("admin"));
  const owner = await sessionUserByEmail(db, byRole("owner"));
  const otherReviewer = await sessionUserByEmail(db, byRole("reviewer"));
  const reviewerId = await createUserWithPassword(db, {
    email: "authz-reviewer@test.switchboard.dev",
    name: "Authz Reviewer",
    role: "reviewer",
    password: REVIEWER_PASSWORD,
  });
  const reviewer = await sessionUserByEmail(db, "authz-reviewer@test.switchboard.dev");

  const triage = await one(db.select().from(reviewQueues).where(eq(reviewQueues.name, "triage")), "triage");
  const compliance = await one(
    db.select().from(reviewQueues).where(eq(reviewQueues.name, "compliance")),
    "compliance queue",
  );
  await addQueueMember(db, { queueId: triage.id, userId: reviewerId }, admin.id);
  await db
    .update(reviewTasks)
    .set({ title: sql`${reviewTasks.title} || ${` ${OTHER_QUEUE_CANARY}`}` })
    .where(eq(reviewTasks.queueId, compliance.id));

  const workflowA = (await one(db.select({ id: reviewTasks.workflowId }).from(reviewTasks), "workflow A")).id;

  // Workflow B: its own versions (the newest carries the canary), test case, knowledge, history and runs.
  const { workflowId: workflowB } = await seedDemoWorkspace(db, { ownerId: owner.id });
  await updateWorkflow(db, { workflowId: workflowB, name: `Other ${OTHER_WORKFLOW_CANARY}` });
  const bDetail = await getWorkflow(db, workflowB);
  await saveDraft(db, owner.id, {
    workflowId: workflowB,
    graph: { ...bDetail.version.graph, name: OTHER_WORKFLOW_CANARY },
    note: OTHER_WORKFLOW_CANARY,
    baseVersion: bDetail.latestVersion,
  });
  await seedDemoHistoryAndBacktest(db, { workflowId: workflowB, ownerId: owner.id, adminId: admin.id });
  await addTestCase(db, workflowB, {
    name: `Case ${OTHER_WORKFLOW_CANARY}`,
    item: { subject: OTHER_WORKFLOW_CANARY, body: OTHER_WORKFLOW_CANARY },
    expected: { terminalType: "escalate" },
  });
  await addEntries(
    db,
    workflowA,
    [{ id: "kb-own", title: "Own entry", text: "Forgot my password.", resolution: "Reset it." }],
    "import",
  );
  await addEntries(
    db,
    workflowB,
    [
      {
        id: "kb-other",
        title: OTHER_WORKFLOW_CANARY,
        text: OTHER_WORKFLOW_CANARY,
        resolution: OTHER_WORKFLOW_CANARY,
      },
    ],
    "import",
  );

  // B only ran backtests; one item it received in shadow, carrying the canary.
  await db.insert(items).values({
    id: "authz-item-other",
    workflowId: workflowB,
    externalId: "authz-other-1",
    payload: { subject: OTHER_WORKFLOW_CANARY, body: OTHER_WORKFLOW_CANARY },
    mode: "shadow",
    status: "completed",
  });

  const newestVersion = (workflowId: string) =>
    one(
      db
        .select({ id: workflowVersions.id })
        .from(workflowVersions)
        .where(eq(workflowVersions.workflowId, workflowId))
        .orderBy(desc(workflowVersions.version))
        .limit(1),
      "version",
    );
  const newestTestCase = (workflowId: string) =>
    one(
      db
        .select({ id: workflowTestCases.id })
        .from(workflowTestCases)
        .where(eq(workflowTestCases.workflowId, workflowId))
        .orderBy(desc(workflowTestCases.createdAt))
        .limit(1),
      "test case",
    );
  const firstRun = (workflowId: string) =>
    one(
      db
        .select({ id: backtestRuns.id })
        .from(backtestRuns)
        .where(eq(backtestRuns.workflowId, workflowId))
        .orderBy(asc(backtestRuns.number))
        .limit(1),
      "backtest run",
    );
  /** A row of the run that the `outside` run did not score (B's runs may share a dataset with A's). */
  const runRow = (runId: string, outside?: string) =>
    one(
      db
        .select({ id: backtestResults.rowId })
        .from(backtestResults)
        .where(
          and(
            eq(backtestResults.runId, runId),
            outside
              ? sql`${backtestResults.rowId} not in (select row_id from backtest_results where run_id = ${outside})`
              : undefined,
          ),
        )
        .limit(1),
      "run row",
    );
  const datasetOf = (runId: string) =>
    one(
      db
        .select({ id: datasets.id })
        .from(datasets)
        .innerJoin(backtestRuns, eq(backtestRuns.datasetId, datasets.id))
        .where(eq(backtestRuns.id, runId)),
      "dataset",
    );
  const itemOf = (workflowId: string) =>
    one(db.select({ id: items.id }).from(items).where(eq(items.workflowId, workflowId)).limit(1), "item");
  const openTask = (queueId: string, skip: string[] = []) =>
    one(
      db
        .select({ id: reviewTasks.id, version: reviewTasks.version })
        .from(reviewTasks)
        .where(
          and(
            eq(reviewTasks.queueId, queueId),
            eq(reviewTasks.status, "open"),
            skip.length ? sql`${reviewTasks.id} not in ${skip}` : undefined,
          ),
        )
        .orderBy(asc(reviewTasks.id))
        .limit(1),
      "open task",
    );

  // The test reviewer's own decision (for undo), on a triage task other than the one the matrix uses.
  const decided = await openTask(triage.id);
  const ownDecision = await decideTask(db, reviewer, {
    taskId: decided.id,
    expectedVersion: decided.version,
    action: "send_back",
  });
  const ownTask = await openTask(triage.id, [decided.id]);
  const otherTask = await openTask(compliance.id);
  const otherDecision = await one(
    db
      .select({ id: reviewEvents.id })
      .from(reviewEvents)
      .where(
        and(
          eq(reviewEvents.actorId, otherReviewer.id),
          inArray(reviewEvents.action, ["approve", "override", "send_back"]),
        ),
      )
      .limit(1),
    "other reviewer's decision",
  );

  const [runA, runB] = [await firstRun(workflowA), await firstRun(workflowB)];
  // The demo's runs share one dataset (imports are deduplicated by content): take one row out of A's run,
  // so that row is scored by B's run only.
  const onlyInB = await runRow(runB.id);
  await db
    .delete(backtestResults)
    .where(and(eq(backtestResults.runId, runA.id), eq(backtestResults.rowId, onlyInB.id)));
  const alert = await one(db.select({ id: monitoringAlerts.id }).from(monitoringAlerts).limit(1), "alert");
  const connector = (
    await one(
      db.select({ id: connectors.id }).from(connectors).orderBy(asc(connectors.id)).limit(1),
      "connector",
    )
  ).id;
  const secondUser = await one(
    db.select({ id: user.id }).from(user).where(ne(user.id, reviewerId)).orderBy(asc(user.email)).limit(1),
    "user",
  );

  const keyA = await createApiKey(db, admin.id, { name: "authz A", workflowId: workflowA });
  const keyB = await createApiKey(db, admin.id, { name: "authz B", workflowId: workflowB });
  const keyAll = await createApiKey(db, admin.id, { name: "authz all", workflowId: null });
  const keyRevoked = await createApiKey(db, admin.id, { name: "authz revoked", workflowId: null });
  await revokeApiKey(db, admin.id, keyRevoked.id);

  const shared = { connector, alert: alert.id, provider: "", calibration: "" };
  const own: ObjectIds = {
    ...shared,
    workflow: workflowA,
    version: (await newestVersion(workflowA)).id,
    testCase: (await newestTestCase(workflowA)).id,
    node: "classify",
    item: (await itemOf(workflowA)).id,
    task: ownTask.id,
    event: ownDecision.eventId,
    queue: triage.id,
    run: runA.id,
    row: (await runRow(runA.id)).id,
    dataset: (await datasetOf(runA.id)).id,
    entry: "kb-own",
    user: reviewerId,
    apiKey: keyA.id,
  };
  const other: ObjectIds = {
    ...shared,
    workflow: workflowB,
    version: (await newestVersion(workflowB)).id,
    testCase: (await newestTestCase(workflowB)).id,
    node: "classify",
    item: (await itemOf(workflowB)).id,
    task: otherTask.id,
    event: otherDecision.id,
    queue: compliance.id,
    run: runB.id,
    row: (await runRow(runB.id, runA.id)).id,
    dataset: (await datasetOf(runB.id)).id,
    entry: "kb-other",
    user: secondUser.id,
    apiKey: keyB.id,
  };
  // The inbox query runs the SLA sweep (a time-driven, idempotent write): sweep once now, so what the
  // matrix sees of a query is the query itself.
  await sweepOverdueTasks(db);
  return {
    users: { admin, owner, reviewer, otherReviewer },
    own,
    other,
    apiKeys: {
      workflowA: keyA.secret,
      workflowB: keyB.secret,
      all: keyAll.secret,
      revoked: keyRevoked.secret,
    },
    workflows: { a: workflowA, b: workflowB },
    taskVersions: { [ownTask.id]: ownTask.version, [otherTask.id]: otherTask.version },
  };
}
