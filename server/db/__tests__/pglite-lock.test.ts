import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirInUseError } from "../pglite-lock";

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "sb-lock-"));
}

describe("acquireDataDirLock", () => {
  it("refuses a directory owned by another live process, with a clear message", async () => {
    const dir = tempDir();
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      fs.writeFileSync(path.join(dir, "switchboard.pid"), String(other.pid));
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirInUseError);
      expect(() => acquireDataDirLock(dir)).toThrow(/in use by process \d+.*DATABASE_URL/);
    } finally {
      other.kill();
    }
  });

  it("takes over a lock left by a dead process", async () => {
    const dir = tempDir();
    const dead = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => dead.on("exit", resolve));
    fs.writeFileSync(path.join(dir, "switchboard.pid"), String(dead.pid));
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, "switchboard.pid"), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, "switchboard.pid"))).toBe(false);
  });
});
