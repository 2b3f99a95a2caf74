#!/usr/bin/env node
// The switchboard CLI. The engine is TypeScript; tsx loads it without a build step.
// package.json has no "type": "module", so .ts files load as CommonJS: register tsx's require hook.
import { createRequire } from "node:module";
import { register } from "tsx/cjs/api";

register();
const require = createRequire(import.meta.url);
const { main } = require("./cli.ts");
const code = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
process.exitCode = code;
