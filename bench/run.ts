/**
 * `npm run bench`: runs every bench/*.bench.ts module's exported run() in
 * turn and prints one JSON line per benchmark. `npm run bench -- engine`
 * runs only the modules whose file name contains "engine".
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

type Lines = Record<string, unknown> | Record<string, unknown>[];

interface BenchModule {
  /** One JSON line, or several (one per configuration measured side by side). */
  run(): Promise<Lines> | Lines;
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts") && (!filter || f.includes(filter)))
    .sort();
  if (files.length === 0)
    throw new Error(`no bench/*.bench.ts module${filter ? ` matches "${filter}"` : ""}`);
  for (const file of files) {
    const benchModule = (await import(pathToFileURL(path.join(__dirname, file)).href)) as BenchModule;
    const result = await benchModule.run();
    for (const line of Array.isArray(result) ? result : [result])
      process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
