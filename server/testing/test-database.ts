import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { openDatabase, type Database } from "../db/client";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or — when DATABASE_URL is set —
 * a new database created on that Postgres server and dropped afterwards, so parallel test files never
 * share state on either engine.
 */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return openDatabase({ pgliteDir: "memory://", pgliteTemplate: pgliteTemplate() });

  const name = `sb_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}

/** Names the migrated PGlite dump written by vitest's global setup (`pglite-template.global-setup.ts`). */
export const PGLITE_TEMPLATE_ENV = "SWITCHBOARD_TEST_PGLITE_TEMPLATE";
let template: Blob | undefined;

/** The migrated template, read once per test process; none (migrate from scratch) outside vitest's setup. */
function pgliteTemplate(): Blob | undefined {
  const file = process.env[PGLITE_TEMPLATE_ENV];
  if (!file) return undefined;
  template ??= new Blob([readFileSync(file)]);
  return template;
}
