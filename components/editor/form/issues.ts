import type { FieldIssues } from "../node-editor-types";

/** The messages at exactly this path. */
export function issuesAt(issues: FieldIssues, path: string): string[] {
  return issues.get(path) ?? [];
}

/** The messages at this path and anywhere under it ("rules.0" gives "rules.0.words" too). */
export function issuesUnder(issues: FieldIssues, prefix: string): string[] {
  const out: string[] = [];
  for (const [path, messages] of issues) {
    if (path === prefix || path.startsWith(`${prefix}.`)) {
      const rest = path.slice(prefix.length + 1);
      out.push(...messages.map((m) => (rest ? `${rest}: ${m}` : m)));
    }
  }
  return out;
}
