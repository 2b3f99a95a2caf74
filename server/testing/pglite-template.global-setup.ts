import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { dumpMigratedPglite } from "../db/client";
import { PGLITE_TEMPLATE_ENV } from "./test-database";

/**
 * Vitest global setup: migrates one in-memory PGlite and writes its data directory to a file, so each test
 * file's fresh database is a copy of it (~0.5 s) rather than migrated again (~3.5 s). Test processes find
 * the file through the environment, which they inherit.
 */
export default async function setup(): Promise<() => void> {
  if (process.env.DATABASE_URL) return () => {};
  const dir = mkdtempSync(path.join(tmpdir(), "switchboard-pglite-template-"));
  const file = path.join(dir, "migrated.tar");
  writeFileSync(file, Buffer.from(await (await dumpMigratedPglite()).arrayBuffer()));
  process.env[PGLITE_TEMPLATE_ENV] = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
