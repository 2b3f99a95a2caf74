import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPgliteDirApart, isPgliteDataDir } from "./pglite-initdb";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { dataDir, ensureDir } from "./data-dir";
import { installJobQueue, jobQueueParameter } from "./job-queue";
import { acquireDataDirLock } from "./pglite-lock";
import * as schema from "./schema";

export type Schema = typeof schema;
/** Both engines share Drizzle's Postgres core, so every query is written once. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseEngine = "pglite" | "postgres";

export interface Database {
  db: Db;
  engine: DatabaseEngine;
  /** Where it lives, safe to print (password removed). */
  location: string;
  /**
   * Runs a script of several statements without parameters on one session (the extended protocol that
   * ordinary queries use refuses more than one statement). For libraries that install their own schema.
   */
  runScript(script: string): Promise<{ rows: Record<string, unknown>[] }>;
  /** LISTEN on a channel: `NOTIFY`s sent in a transaction arrive when it commits. */
  listen(channel: string, onNotify: () => void): Promise<{ unlisten(): Promise<void> }>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A postgres:// URL; when absent, embedded PGlite is used. */
  url?: string;
  /** PGlite data directory, or "memory://" for an in-memory database. Defaults to `.data/pglite`. */
  pgliteDir?: string;
  /**
   * For an in-memory PGlite: start from this dump of an already migrated data directory (see
   * `dumpMigratedPglite`) instead of creating and migrating one, ~0.5 s instead of ~3.5 s. Tests use it.
   */
  pgliteTemplate?: Blob;
}

export class DatabaseConnectError extends Error {
  override name = "DatabaseConnectError";
}

const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), "drizzle");
/** Any fixed 64-bit key; it only has to be the same for every Switchboard process. */
const MIGRATION_LOCK_KEY = 7_236_412_901n;

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(an unparsable DATABASE_URL)";
  }
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  return options.url ? openPostgres(options.url) : openPglite(options.pgliteDir, options.pgliteTemplate);
}

/** A dump of a fresh in-memory PGlite with every migration applied, to open copies of (`pgliteTemplate`). */
export async function dumpMigratedPglite(): Promise<Blob> {
  const client = await PGlite.create();
  try {
    await preparePglite(client);
    return await client.dumpDataDir("none");
  } finally {
    await client.close();
  }
}

async function preparePglite(client: PGlite): Promise<void> {
  await migratePglite(drizzlePglite({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
  await installJobQueue({
    async executeSql(text, values) {
      if (values?.length) return client.query<Record<string, unknown>>(text, values);
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    },
  });
}

async function openPglite(dir = path.join(dataDir(), "pglite"), template?: Blob): Promise<Database> {
  const inMemory = dir.startsWith("memory://");
  let release = () => {};
  if (!inMemory) {
    // PGlite creates only the last folder of its path.
    ensureDir(dir);
    release = acquireDataDirLock(dir);
    if (!isPgliteDataDir(dir)) await createPgliteDirApart(dir);
  }
  try {
    const client = inMemory
      ? await PGlite.create(template ? { loadDataDir: template } : undefined)
      : await PGlite.create(dir);
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    // From a template these find nothing to do (and would catch a template older than the migrations).
    await preparePglite(client);
    return {
      db,
      engine: "pglite",
      location: inMemory ? "memory://" : dir,
      async runScript(script) {
        const results = await client.exec(script);
        return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
      },
      async listen(channel, onNotify) {
        const unlisten = await client.listen(channel, onNotify);
        return { unlisten };
      },
      async close() {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function openPostgres(url: string): Promise<Database> {
  const location = redactUrl(url);
  const connect = (max: number) =>
    postgres(url, { max, onnotice: () => {}, connect_timeout: 5, idle_timeout: 30 });
  const migrator = connect(1);
  try {
    // A single connection, so the advisory lock and the migration share one session: two processes starting
    // at once migrate one after the other, and the second finds nothing to do.
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
    await migratePostgres(drizzlePostgres({ client: migrator }), { migrationsFolder: MIGRATIONS_FOLDER });
    // Still under the lock: pg-boss's installer is not safe against a second process installing at once.
    await installJobQueue({
      async executeSql(text, values) {
        const rows = values?.length
          ? await migrator.unsafe(text, values.map(jobQueueParameter) as postgres.ParameterOrJSON<never>[])
          : await migrator.unsafe(text).simple();
        const last = Array.isArray(rows[0]) ? (rows.at(-1) as unknown as typeof rows) : rows;
        return { rows: [...last] as Record<string, unknown>[] };
      },
    });
    await migrator`select pg_advisory_unlock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
  } catch (error) {
    await migrator.end({ timeout: 1 }).catch(() => {});
    throw new DatabaseConnectError(`Cannot use the database at ${location}: ${describe(error)}`);
  }
  await migrator.end({ timeout: 5 });
  const client = connect(Number(process.env.DATABASE_POOL_SIZE ?? 10));
  let scriptClient: ReturnType<typeof connect> | undefined;
  const db = drizzlePostgres({ client, schema }) as unknown as Db;
  return {
    db,
    engine: "postgres",
    location,
    async runScript(script) {
      // A pool of one, not `reserve()`: postgres.js 3.4.9 crashes the process (an uncaught TypeError in
      // nextWrite, porsager/postgres#1208) when a reserved connection's backend is terminated; a pool
      // replaces the dead connection instead. A pool of one may run BEGIN…COMMIT scripts.
      scriptClient ??= connect(1);
      const results = (await scriptClient.unsafe(script).simple()) as unknown as unknown[];
      // One statement gives its rows; several give one row list per statement.
      const last = Array.isArray(results[0]) ? results.at(-1) : results;
      return { rows: [...((last ?? []) as Record<string, unknown>[])] };
    },
    async listen(channel, onNotify) {
      const { unlisten } = await client.listen(channel, onNotify);
      return { unlisten };
    },
    async close() {
      await Promise.all([client.end({ timeout: 5 }), scriptClient?.end({ timeout: 5 })]);
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}

export async function appliedMigrationCount(db: Db): Promise<number> {
  const result = await db.execute<{ count: number }>(
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  );
  const rows = Array.isArray(result) ? result : (result as unknown as { rows: { count: number }[] }).rows;
  return Number(rows[0]?.count ?? 0);
}
