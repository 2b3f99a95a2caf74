import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appliedMigrationCount, openDatabase, type Database } from "../client";
import { openTestDatabase } from "../../testing/test-database";

const migrationFiles = fs.readdirSync(path.join(process.cwd(), "drizzle")).filter((f) => f.endsWith(".sql"));
const engine = process.env.DATABASE_URL ? "postgres" : "pglite";

describe(`migrations on ${engine}`, () => {
  let database: Database & { url?: string };
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("applies every committed migration at open", async () => {
    expect(database.engine).toBe(engine);
    expect(await appliedMigrationCount(database.db)).toBe(migrationFiles.length);
  });

  it.runIf(engine === "postgres")("is a no-op the second time, even from two processes at once", async () => {
    const [a, b] = await Promise.all([
      openDatabase({ url: database.url! }),
      openDatabase({ url: database.url! }),
    ]);
    expect(await appliedMigrationCount(a.db)).toBe(migrationFiles.length);
    expect(await appliedMigrationCount(b.db)).toBe(migrationFiles.length);
    await Promise.all([a.close(), b.close()]);
  });
});

describe("embedded database on disk", () => {
  it("reopens a data directory without re-applying migrations, and refuses a second owner", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sb-pglite-")), "db");
    const first = await openDatabase({ pgliteDir: dir });
    const pidFile = path.join(dir, "switchboard.pid");
    expect(fs.readFileSync(pidFile, "utf8")).toBe(String(process.pid));
    await first.close();
    expect(fs.existsSync(pidFile)).toBe(false);

    const again = await openDatabase({ pgliteDir: dir });
    expect(await appliedMigrationCount(again.db)).toBe(migrationFiles.length);
    await again.close();
  });
});

describe("DATABASE_URL pointing at nothing", () => {
  it("fails with one line naming the URL (password hidden) and the reason", async () => {
    const error = await openDatabase({ url: "postgres://someone:hunter2@127.0.0.1:1/nowhere" }).catch(
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain("127.0.0.1:1/nowhere");
    expect(message).toContain("ECONNREFUSED");
    expect(message).not.toContain("hunter2");
    expect(message.split("\n")).toHaveLength(1);
  });
});
