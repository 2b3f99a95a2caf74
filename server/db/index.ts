import { databaseUrl, demoMode } from "../config";
import { openDatabase, type Database } from "./client";
import { seedOnFirstStart } from "./seed";

const globalForDb = globalThis as unknown as { switchboardDatabase?: Promise<Database> };

/**
 * The process's one database: opened, migrated and (on an empty database) seeded on first use.
 * Kept on globalThis so hot reloads in `next dev` reuse it instead of opening another PGlite.
 */
export function getDatabase(): Promise<Database> {
  globalForDb.switchboardDatabase ??= (async () => {
    const database = await openDatabase({ url: databaseUrl() });
    await seedOnFirstStart(database.db, { demo: demoMode() });
    return database;
  })();
  // A failed open must not be cached forever: the next caller tries again.
  globalForDb.switchboardDatabase.catch(() => {
    globalForDb.switchboardDatabase = undefined;
  });
  return globalForDb.switchboardDatabase;
}

export type { Database, Db } from "./client";
