import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../client";
import { createPgliteDirApart, isPgliteDataDir } from "../pglite-initdb";

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

describe("createPgliteDirApart", () => {
  it("creates a new data directory in a child process, which openDatabase migrates, writes and opens again", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sb-initdb-")), "pglite");
    fs.mkdirSync(dir);
    expect(isPgliteDataDir(dir)).toBe(false);
    const before = maxRssMb();
    expect(await createPgliteDirApart(dir)).toBe(true);
    // initdb in this process would add ~700 MB to its peak.
    expect(maxRssMb() - before).toBeLessThan(250);
    expect(isPgliteDataDir(dir)).toBe(true);

    const database = await openDatabase({ pgliteDir: dir });
    try {
      const { rows } = await database.runScript(
        "select to_regclass('public.workflows') is not null as migrated",
      );
      expect(rows[0]?.migrated).toBe(true);
      await database.runScript("create table probe (x int); insert into probe values (42)");
    } finally {
      await database.close();
    }
    const again = await openDatabase({ pgliteDir: dir });
    try {
      const { rows } = await again.runScript("select x from probe");
      expect(rows).toEqual([{ x: 42 }]);
    } finally {
      await again.close();
    }
  }, 120_000);
});
