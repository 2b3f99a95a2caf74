import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { curlExample, newIdempotencyKey } from "../curl-example";

describe("curl example", () => {
  it("is one shell command whose arguments arrive intact, quotes and all", () => {
    const command = curlExample({
      origin: "http://localhost:3000",
      workflowId: "wf-1",
      secret: "sbk_abc",
      item: { id: "T-1", text: "It's broken; $HOME `ls`" },
      idempotencyKey: "6f1c",
    });
    expect(command).toContain("curl -X POST 'http://localhost:3000/api/v1/workflows/wf-1/items' \\\n");
    // Let a shell parse it and print the arguments curl would get.
    const args = execFileSync("sh", ["-c", command.replace(/^curl /, "printf '%s\\n' ")], {
      encoding: "utf8",
    })
      .trimEnd()
      .split("\n");
    expect(args).toEqual([
      "-X",
      "POST",
      "http://localhost:3000/api/v1/workflows/wf-1/items",
      "-H",
      "Authorization: Bearer sbk_abc",
      "-H",
      "Content-Type: application/json",
      "-H",
      "Idempotency-Key: 6f1c",
      "-d",
      JSON.stringify({ id: "T-1", text: "It's broken; $HOME `ls`" }),
    ]);
  });

  it("leaves the workflow for the reader to fill in when the key is for every workflow", () => {
    const command = curlExample({
      origin: "https://sb.example",
      workflowId: null,
      secret: "sbk_x",
      item: null,
      idempotencyKey: "k",
    });
    expect(command).toContain("https://sb.example/api/v1/workflows/<workflow-id>/items");
    expect(command).toContain(`-d '{"id": "…", "text": "…", "occurred_at": "…"}'`);
  });

  it("makes v4 UUIDs even where crypto.randomUUID is missing", () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newIdempotencyKey()).toMatch(uuid);
    const original = crypto.randomUUID;
    try {
      Object.defineProperty(crypto, "randomUUID", { value: undefined, configurable: true });
      const keys = new Set(Array.from({ length: 50 }, newIdempotencyKey));
      expect(keys.size).toBe(50);
      for (const key of keys) expect(key).toMatch(uuid);
    } finally {
      Object.defineProperty(crypto, "randomUUID", { value: original, configurable: true });
    }
  });
});
