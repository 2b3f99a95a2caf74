import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestCase } from "@/lib/engine/graph/test-case-schema";
import type { Database } from "../../../db/client";
import { workflowVersions } from "../../../db/schema";
import { createUserWithPassword } from "../../../db/seed/users";
import { openTestDatabase } from "../../../testing/test-database";
import { createWorkflow } from "../create-workflow";
import { exportWorkflow, importWorkflow } from "../export-import";
import { getWorkflow } from "../get-workflow";
import { listWorkflows } from "../list-workflows";
import { publishVersion } from "../publish-version";
import { saveDraft } from "../save-draft";
import { addTestCase, runWorkflowTests, updateTestCase } from "../test-cases";

//   [trigger] --out--> [done: end]
const item = { id: "T-1", text: "hello", occurred_at: "2026-01-01T00:00:00Z" };
const endsHere: Omit<TestCase, "id"> = {
  name: "ends",
  item,
  expected: { terminalType: "end", nodeId: "done" },
};
const wantsARoute: Omit<TestCase, "id"> = {
  name: "should route",
  item,
  expected: { terminalType: "route", team: "billing" },
};

let database: Database;
let ownerId: string;
beforeAll(async () => {
  database = await openTestDatabase();
  ownerId = await createUserWithPassword(database.db, {
    email: "o@test",
    name: "Olga",
    role: "owner",
    password: "password123",
  });
});
afterAll(() => database.close());

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof TRPCError
    ? { code: error.code, message: error.message }
    : { code: null, message: String(error) };
}

describe("workflow lifecycle", () => {
  it("creates a workflow with a valid starter draft", async () => {
    const { id } = await createWorkflow(database.db, ownerId, { name: "Refunds" });
    const loaded = await getWorkflow(database.db, id);
    expect(loaded.versions).toHaveLength(1);
    expect(loaded.version.validation.ok).toBe(true);
    expect((await listWorkflows(database.db)).find((w) => w.id === id)).toMatchObject({
      latestVersion: 1,
      publishedVersion: null,
      latestValid: true,
    });
  });

  it("refuses a save based on a stale version, and saves it as a new draft when asked", async () => {
    const { id } = await createWorkflow(database.db, ownerId, { name: "Conflicts" });
    const { version } = await getWorkflow(database.db, id);
    await saveDraft(database.db, ownerId, {
      workflowId: id,
      graph: version.graph,
      baseVersion: 1,
      note: "first edit",
    });
    const stale = await codeOf(
      saveDraft(database.db, ownerId, { workflowId: id, graph: version.graph, baseVersion: 1 }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toContain("Olga saved version 2 after you opened version 1");
    const kept = await saveDraft(database.db, ownerId, {
      workflowId: id,
      graph: version.graph,
      baseVersion: 1,
      asNewDraft: true,
    });
    expect(kept.version).toBe(3);
  });

  it("two saves racing from the same base: exactly one wins", async () => {
    const { id } = await createWorkflow(database.db, ownerId, { name: "Race" });
    const { version } = await getWorkflow(database.db, id);
    const results = await Promise.allSettled(
      [1, 2, 3].map(() =>
        saveDraft(database.db, ownerId, { workflowId: id, graph: version.graph, baseVersion: 1 }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("saves an invalid draft but refuses to publish it", async () => {
    const { id } = await createWorkflow(database.db, ownerId, { name: "Broken" });
    const { version } = await getWorkflow(database.db, id);
    const broken = { ...version.graph, edges: [] };
    const saved = await saveDraft(database.db, ownerId, { workflowId: id, graph: broken, baseVersion: 1 });
    expect(saved.validation.ok).toBe(false);
    const refused = await codeOf(
      publishVersion(database.db, ownerId, { workflowId: id, versionId: saved.id }),
    );
    expect(refused).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(refused.message).toMatch(/validation error/);
  });

  it("refuses to publish a graph that calls a connector nobody has defined", async () => {
    const { graphSchema } = await import("@/lib/engine/graph/graph-schema");
    const { supportTriageGraph } = await import("@/lib/demo/support-triage");
    const { id, versionId } = await createWorkflow(database.db, ownerId, {
      name: "Needs CRM",
      graph: graphSchema.parse(supportTriageGraph),
    });
    const { version } = await getWorkflow(database.db, id);
    expect(version.validation.errors.map((e) => e.code)).toEqual(["unknown_connector"]);
    const refused = await codeOf(publishVersion(database.db, ownerId, { workflowId: id, versionId }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toContain('there is no connector "crm"');
  });

  it("blocks publishing on a failing test case unless it is marked known", async () => {
    const { id, versionId } = await createWorkflow(database.db, ownerId, { name: "Tested" });
    await addTestCase(database.db, id, endsHere);
    const failing = await addTestCase(database.db, id, wantsARoute);

    const report = await runWorkflowTests(database.db, id);
    expect(report).toMatchObject({ passed: 1, failed: 1, knownFailures: 0 });
    const { graph } = (await getWorkflow(database.db, id)).version;
    const saved = await saveDraft(database.db, ownerId, { workflowId: id, graph, baseVersion: 1 });
    expect(saved.tests).toMatchObject({ passed: 1, failed: 1 });
    expect(report.results.find((r) => r.name === "should route")?.mismatches[0]).toContain(
      'terminal type: expected "route", got "end"',
    );

    const blocked = await codeOf(publishVersion(database.db, ownerId, { workflowId: id, versionId }));
    expect(blocked.code).toBe("PRECONDITION_FAILED");
    expect(blocked.message).toContain('"should route"');

    await updateTestCase(database.db, id, { ...wantsARoute, id: failing.id, knownFailure: true });
    const published = await publishVersion(database.db, ownerId, { workflowId: id, versionId: saved.id });
    expect(published.tests.knownFailures).toBe(1);
    const [row] = await database.db.select().from(workflowVersions).where(eq(workflowVersions.id, saved.id));
    expect(row).toMatchObject({ published: true, publishedBy: ownerId });
  });

  it("keeps one published version: publishing an older one rolls back", async () => {
    const { id, versionId: v1 } = await createWorkflow(database.db, ownerId, { name: "Rollback" });
    const { version } = await getWorkflow(database.db, id);
    const v2 = await saveDraft(database.db, ownerId, {
      workflowId: id,
      graph: version.graph,
      baseVersion: 1,
    });
    await publishVersion(database.db, ownerId, { workflowId: id, versionId: v2.id });
    await publishVersion(database.db, ownerId, {
      workflowId: id,
      versionId: v1,
      note: "Roll back: v2 misroutes refunds",
    });
    const versions = (await getWorkflow(database.db, id)).versions;
    expect(versions.filter((v) => v.published).map((v) => [v.version, v.publishNote])).toEqual([
      [1, "Roll back: v2 misroutes refunds"],
    ]);
  });

  it("exports a graph with its test cases and imports it back, and explains a bad file", async () => {
    const { id } = await createWorkflow(database.db, ownerId, {
      name: "Exported",
      description: "round trip",
    });
    await addTestCase(database.db, id, endsHere);
    const document = await exportWorkflow(database.db, id);
    expect(document.testCases).toHaveLength(1);

    const imported = await importWorkflow(database.db, ownerId, {
      document: JSON.parse(JSON.stringify(document)),
    });
    const copy = await getWorkflow(database.db, imported.id);
    expect(copy.workflow.name).toBe("Exported");
    expect(copy.version.graph.nodes.map((n) => n.id)).toEqual(document.nodes.map((n) => n.id));
    expect(copy.testCases.map((c) => c.name)).toEqual(["ends"]);

    const bad = await codeOf(
      importWorkflow(database.db, ownerId, { document: { schemaVersion: 2, nodes: "x" } }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toMatch(/^This file is not a Switchboard workflow: .*schemaVersion/);
  });
});
