import { TRPCError } from "@trpc/server";
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { backtestRuns, datasets, user } from "../../db/schema";
import { datasetNotFound } from "../backtests/errors";
import { discard } from "./import-dataset";

/** Datasets, newest first, without their reports. */
export async function listDatasets(db: Db) {
  return db
    .select({
      id: datasets.id,
      name: datasets.name,
      sourceName: datasets.sourceName,
      status: datasets.status,
      rowCount: datasets.rowCount,
      badRowCount: datasets.badRowCount,
      firstAt: datasets.firstAt,
      lastAt: datasets.lastAt,
      bytes: datasets.bytes,
      createdAt: datasets.createdAt,
      createdByName: user.name,
      labelCount: sql<number>`(select count(*) from jsonb_object_keys(${datasets.labelCounts}))::int`,
      error: datasets.error,
    })
    .from(datasets)
    .leftJoin(user, eq(user.id, datasets.createdBy))
    .orderBy(desc(datasets.createdAt));
}

/** One dataset with its import report, label distribution and field statistics. */
export async function getDataset(db: Db, datasetId: string) {
  const [row] = await db
    .select({ dataset: datasets, createdByName: user.name })
    .from(datasets)
    .leftJoin(user, eq(user.id, datasets.createdBy))
    .where(eq(datasets.id, datasetId));
  if (!row) throw datasetNotFound();
  const [{ runs } = { runs: 0 }] = await db
    .select({ runs: sql<number>`count(*)::int` })
    .from(backtestRuns)
    .where(eq(backtestRuns.datasetId, datasetId));
  const { contentHash: _hash, ...dataset } = row.dataset;
  return { ...dataset, createdByName: row.createdByName, runs };
}

/** Deletes a dataset and its rows; refused while backtests refer to it (their results would lose their items). */
export async function deleteDataset(db: Db, datasetId: string) {
  const found = await getDataset(db, datasetId);
  if (found.runs > 0) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: `"${found.name}" is used by ${found.runs} backtest${found.runs === 1 ? "" : "s"}; it is kept so their results stay readable.`,
    });
  }
  await discard(db, datasetId);
  return { id: datasetId };
}
