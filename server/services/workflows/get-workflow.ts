import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { user, workflowVersions } from "../../db/schema";
import { loadTestCases, loadVersion, loadWorkflow } from "./load";
import { testCaseFromRow } from "./test-case-rows";

const author = alias(user, "author");
const publisher = alias(user, "publisher");

/** Version history, newest first, without the graphs. */
export async function listVersions(db: Db, workflowId: string) {
  const rows = await db
    .select({
      id: workflowVersions.id,
      version: workflowVersions.version,
      note: workflowVersions.note,
      createdAt: workflowVersions.createdAt,
      authorName: author.name,
      published: workflowVersions.published,
      publishedAt: workflowVersions.publishedAt,
      publishedByName: publisher.name,
      publishNote: workflowVersions.publishNote,
      validation: workflowVersions.validation,
    })
    .from(workflowVersions)
    .leftJoin(author, eq(author.id, workflowVersions.authorId))
    .leftJoin(publisher, eq(publisher.id, workflowVersions.publishedBy))
    .where(eq(workflowVersions.workflowId, workflowId))
    .orderBy(desc(workflowVersions.version));
  return rows.map(({ validation, ...row }) => ({
    ...row,
    valid: validation.ok,
    errorCount: validation.errors.length,
  }));
}

/** One workflow with its history, one version's graph (the newest unless asked) and its spec test cases. */
export async function getWorkflow(db: Db, workflowId: string, versionId?: string) {
  const workflow = await loadWorkflow(db, workflowId);
  const [versions, version, testCases] = await Promise.all([
    listVersions(db, workflowId),
    loadVersion(db, workflowId, versionId),
    loadTestCases(db, workflowId),
  ]);
  return {
    workflow: {
      id: workflow.id,
      name: workflow.name,
      description: workflow.description,
      mapNotes: workflow.mapNotes,
    },
    versions,
    version: {
      id: version.id,
      version: version.version,
      note: version.note,
      graph: version.graph,
      validation: version.validation,
      published: version.published,
      createdAt: version.createdAt,
    },
    latestVersion: versions[0]?.version ?? version.version,
    testCases: testCases.map(testCaseFromRow),
  };
}
