import { readFileSync } from "node:fs";
import path from "node:path";
import { locateJsonError } from "./locate-json-error";

/** A problem the user can fix (a missing file, bad JSON): printed plainly, exit code 2. */
export class CliInputError extends Error {}

export function readJsonFile(file: string, what: string, cwd: string): unknown {
  const full = path.resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(full, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliInputError(
      code === "ENOENT"
        ? `${what} file not found: ${file}`
        : `cannot read ${what} file ${file}: ${(error as Error).message}`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const at = locateJsonError(text);
    const where = at ? ` at line ${at.line}, column ${at.column}` : "";
    throw new CliInputError(`${what} file ${file} is not valid JSON${where}: ${(error as Error).message}`);
  }
}
