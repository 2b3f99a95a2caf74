import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");

describe("start-up with a DATABASE_URL that points at nothing", () => {
  it("exits 1 with one line naming the URL and the reason, and no stack trace", () => {
    const result = spawnSync(tsx, [path.join(import.meta.dirname, "fixtures", "start-database.ts")], {
      env: { ...process.env, DATABASE_URL: "postgres://app:secret-pw@127.0.0.1:1/switchboard" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\[switchboard\] cannot start: Cannot use the database at postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/switchboard: .*ECONNREFUSED/,
    );
    expect(result.stderr).not.toContain("secret-pw");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
