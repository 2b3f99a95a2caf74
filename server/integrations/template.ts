import { resolveJsonPath } from "./json-path";

/**
 * `{{input.x}}` substitution for operation paths and bodies: plain replacement, no logic, nothing evaluated.
 * A missing value is an error rather than an empty string, so a request never goes out half-filled.
 */

const PLACEHOLDER = /\{\{\s*input\.([A-Za-z0-9_.[\]$-]+)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{\s*input\.([A-Za-z0-9_.[\]$-]+)\s*\}\}$/;

export class TemplateError extends Error {
  override name = "TemplateError";
}

function lookup(input: Record<string, unknown>, path: string): unknown {
  const value = resolveJsonPath(input, path);
  if (value === undefined || value === null)
    throw new TemplateError(`The input has no value for input.${path}.`);
  return value;
}

function asText(value: unknown, path: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new TemplateError(
    `input.${path} is ${Array.isArray(value) ? "a list" : "an object"}; only text, numbers and true/false fit here.`,
  );
}

/** Fills a path template; every value is URL-encoded, and `.`/`..` are refused so a value cannot climb the path. */
export function renderPathTemplate(template: string, input: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (_match, path: string) => {
    const text = asText(lookup(input, path), path);
    if (text === "." || text === "..")
      throw new TemplateError(`input.${path} may not be "${text}" in a URL path.`);
    return encodeURIComponent(text);
  });
}

/** Fills a JSON body template. A string that is exactly one placeholder becomes the value itself (number, object…). */
export function renderBodyTemplate(template: unknown, input: Record<string, unknown>): unknown {
  if (typeof template === "string") {
    const whole = WHOLE_PLACEHOLDER.exec(template);
    if (whole?.[1]) return lookup(input, whole[1]);
    return template.replace(PLACEHOLDER, (_match, path: string) => asText(lookup(input, path), path));
  }
  if (Array.isArray(template)) return template.map((entry) => renderBodyTemplate(entry, input));
  if (template !== null && typeof template === "object") {
    const body: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(template)) {
      // defineProperty, so a template key named __proto__ stays plain data.
      Object.defineProperty(body, key, {
        value: renderBodyTemplate(entry, input),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return body;
  }
  return template;
}

/** The `input.x` names a template reads, for showing an operation's inputs in the node picker. */
export function templateInputNames(...templates: unknown[]): string[] {
  const names = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === "string") for (const match of value.matchAll(PLACEHOLDER)) names.add(match[1] ?? "");
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(visit);
  };
  templates.forEach(visit);
  names.delete("");
  return [...names];
}
