import { desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../../db/client";
import {
  backtestRuns,
  backtestSignOffs,
  datasets,
  user,
  validationCriteria,
  workflowVersions,
} from "../../../db/schema";

const starter = alias(user, "starter");

/** A workflow's runs, newest first, with what the list shows (no per-item data). */
export async function listRuns(db: Db, workflowId: string) {
  const rows = await db
    .select({
      id: backtestRuns.id,
      number: backtestRuns.number,
      status: backtestRuns.status,
      versionId: backtestRuns.versionId,
      version: workflowVersions.version,
      published: workflowVersions.published,
      datasetId: backtestRuns.datasetId,
      datasetName: datasets.name,
      windowFrom: backtestRuns.windowFrom,
      windowTo: backtestRuns.windowTo,
      totalItems: backtestRuns.totalItems,
      processedItems: backtestRuns.processedItems,
      elapsedSeconds: backtestRuns.elapsedSeconds,
      passed: backtestRuns.passed,
      criteriaVersion: validationCriteria.version,
      autoAccuracy: sql<number | null>`(${backtestRuns.metrics}->>'autoAccuracy')::float8`,
      escalationRate: sql<number | null>`(${backtestRuns.metrics}->>'escalationRate')::float8`,
      createdAt: backtestRuns.createdAt,
      finishedAt: backtestRuns.finishedAt,
      startedByName: starter.name,
      signedOffBy: backtestSignOffs.userName,
      signedOffAt: backtestSignOffs.createdAt,
      thresholdOverrides: backtestRuns.thresholdOverrides,
      readsFixture: backtestRuns.readsFixture,
    })
    .from(backtestRuns)
    .innerJoin(workflowVersions, eq(workflowVersions.id, backtestRuns.versionId))
    .innerJoin(datasets, eq(datasets.id, backtestRuns.datasetId))
    .leftJoin(validationCriteria, eq(validationCriteria.id, backtestRuns.criteriaId))
    .leftJoin(starter, eq(starter.id, backtestRuns.startedBy))
    .leftJoin(backtestSignOffs, eq(backtestSignOffs.runId, backtestRuns.id))
    .where(eq(backtestRuns.workflowId, workflowId))
    .orderBy(desc(backtestRuns.number));
  return rows;
}

export type RunListEntry = Awaited<ReturnType<typeof listRuns>>[number];
