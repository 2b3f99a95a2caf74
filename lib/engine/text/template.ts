/**
 * Reply templates: `{{item.field}}` and `{{nodes.<id>.<key>}}` are replaced
 * by the value at that path. Plain substitution: no logic, no helpers, no
 * evaluation, so a template cannot run anything.
 */
export interface Placeholder {
  root: "item" | "nodes";
  path: string[];
  raw: string;
}
export interface CompiledTemplate {
  placeholders: Placeholder[];
  /** Placeholders that name neither item.* nor nodes.*. */
  invalid: string[];
  render(item: unknown, nodes: unknown): string;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const PATH = /^(item|nodes)((?:\.[A-Za-z_][A-Za-z0-9_]*)+)$/;

function lookup(root: unknown, path: readonly string[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function show(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

export function compileTemplate(template: string): CompiledTemplate {
  const parts: Array<string | Placeholder> = [];
  const placeholders: Placeholder[] = [];
  const invalid: string[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const raw = match[0];
    const expression = match[1] ?? "";
    const index = match.index ?? 0;
    const path = PATH.exec(expression);
    if (!path) {
      invalid.push(raw);
      continue;
    }
    parts.push(template.slice(last, index));
    const placeholder: Placeholder = {
      root: path[1] as "item" | "nodes",
      path: (path[2] ?? "").slice(1).split("."),
      raw,
    };
    parts.push(placeholder);
    placeholders.push(placeholder);
    last = index + raw.length;
  }
  parts.push(template.slice(last));
  return {
    placeholders,
    invalid,
    render(item, nodes) {
      let out = "";
      for (const part of parts) {
        out += typeof part === "string" ? part : show(lookup(part.root === "item" ? item : nodes, part.path));
      }
      return out;
    },
  };
}
