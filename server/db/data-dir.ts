import fs from "node:fs";
import path from "node:path";

/** Where the embedded database and locally generated secrets live. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.SWITCHBOARD_DATA_DIR ?? ".data");
}

export function ensureDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
