import net from "node:net";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/*
 * A new connection's backend killed while postgres.js fetches array types (the first thing it does on every
 * connection, also after each reconnect) crashed the process in 3.4.9: the driver dropped that internal query's
 * rejected promise (porsager/postgres#1192), and replayed the dead backend's error onto the first query of the
 * reconnected connection (#1223). A worker took exactly this path when every session was terminated twice in a
 * row. A proxy in front of the real server answers the first types query the way `pg_terminate_backend` does:
 * the FATAL 57P01 ErrorResponse, then a closed socket. `patches/postgres+3.4.9.patch` fixes both.
 */
const serverUrl = process.env.DATABASE_URL;
let proxy: net.Server;
let proxyPort: number;
let typesQueriesKilled = 0;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

/** The ErrorResponse a backend sends when `pg_terminate_backend` reaches it. */
function terminatedByAdministrator(): Buffer {
  const fields = [
    ["S", "FATAL"],
    ["V", "FATAL"],
    ["C", "57P01"],
    ["M", "terminating connection due to administrator command"],
  ];
  const body = Buffer.concat([
    ...fields.map(([code, text]) => Buffer.from(`${code}${text}\0`, "utf8")),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header.write("E", 0, "ascii");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

beforeAll(async () => {
  if (!serverUrl) return;
  const target = new URL(serverUrl);
  proxy = net.createServer((client) => {
    const server = net.connect(Number(target.port || 5432), target.hostname);
    let killed = false;
    client.on("data", (chunk) => {
      if (!killed && typesQueriesKilled === 0 && chunk.toString("latin1").includes("typarray")) {
        killed = true;
        typesQueriesKilled++;
        client.end(terminatedByAdministrator());
        server.destroy();
        return;
      }
      server.write(chunk);
    });
    server.on("data", (chunk) => killed || client.write(chunk));
    client.on("error", () => server.destroy());
    server.on("error", () => client.destroy());
    client.on("close", () => server.destroy());
    server.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyPort = (proxy.address() as net.AddressInfo).port;
  process.on("unhandledRejection", onUnhandled);
});

afterAll(async () => {
  if (!serverUrl) return;
  process.off("unhandledRejection", onUnhandled);
  await new Promise((resolve) => proxy.close(resolve));
});

describe.skipIf(!serverUrl)("a connection killed while it starts", () => {
  it("reconnects and runs the waiting query, with no stray rejection", async () => {
    const url = new URL(serverUrl!);
    url.hostname = "127.0.0.1";
    url.port = String(proxyPort);
    const sql = postgres(url.toString(), { max: 1, onnotice: () => {}, connect_timeout: 5 });
    try {
      const [row] = await Promise.race([
        sql<{ answer: number }[]>`select 41 + 1 as answer`,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("hung")), 10_000)),
      ]);
      // Let a dropped promise's rejection surface before looking.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(typesQueriesKilled).toBe(1);
      expect(row!.answer).toBe(42);
      expect(unhandled).toEqual([]);
    } finally {
      await sql.end({ timeout: 1 });
    }
  });
});
