import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Whether `dir` already holds a PGlite (Postgres) data directory. */
export function isPgliteDataDir(dir: string): boolean {
  return existsSync(path.join(dir, "PG_VERSION"));
}

/**
 * Creates a new PGlite data directory in a child process, and answers whether it did. PGlite's initdb peaks
 * near 900 MB, which the process that ran it keeps resident for the rest of its life; a directory opened
 * once created costs ~300 MB. When the child cannot run (PGlite not resolvable from the working directory,
 * no `node` to start), the caller creates the directory in-process, as before.
 */
export async function createPgliteDirApart(dir: string): Promise<boolean> {
  let entry: string;
  try {
    entry = createRequire(path.join(/*turbopackIgnore: true*/ process.cwd(), "package.json")).resolve(
      "@electric-sql/pglite",
    );
  } catch {
    return false;
  }
  const script = `require(${JSON.stringify(entry)}).PGlite.create(process.argv[1]).then((c) => c.close())`;
  try {
    await run(process.execPath, ["-e", script, dir], { timeout: 120_000 });
  } catch (error) {
    console.warn(
      `[switchboard] creating the embedded database in a child process failed (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); creating it in this process`,
    );
    return false;
  }
  return isPgliteDataDir(dir);
}
