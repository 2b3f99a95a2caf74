/**
 * Known expression-injection payloads, gathered from the sandbox escapes peers shipped (n8n's
 * `constructor.constructor` chain, Flowise's and Langflow's code-evaluating nodes) and from the usual
 * template-injection cheat sheets. Each is tried as a condition, as a connector input mapping, and as a
 * connector template, by `server/services/ingest/__tests__/hostile-expressions.reliability.test.ts`.
 *
 * `refused`: the condition compiler must refuse it (parse error, type error, or an evaluation error).
 * `data`: it may run, but only as CEL over plain data (e.g. a string literal holding `${…}`): its value must
 * be plain data and nothing outside the expression may be reached.
 */
export interface HostilePayload {
  source: string;
  why: string;
  expect: "refused" | "data";
}

const refused = (why: string, ...sources: string[]): HostilePayload[] =>
  sources.map((source) => ({ source, why, expect: "refused" as const }));
const data = (why: string, ...sources: string[]): HostilePayload[] =>
  sources.map((source) => ({ source, why, expect: "data" as const }));

const deepParens = `${"(".repeat(400)}true${")".repeat(400)}`;
const deepMembers = `item${".a".repeat(1_500)} == 1`;
const manyTerms = Array.from({ length: 1_200 }, (_, i) => `item.n == ${i}`).join(" || ");

export const HOSTILE_EXPRESSIONS: readonly HostilePayload[] = [
  ...refused(
    "constructor chains (n8n CVE-2025-68613 style)",
    "constructor.constructor('return process')()",
    'constructor.constructor("return process")()',
    "item.constructor.constructor('return process')()",
    "item.text.constructor.constructor('return process')()",
    "nodes.constructor.constructor('return this')()",
    'item["constructor"]["constructor"]("return process")()',
    "item.constructor == null",
    "item.text.constructor == null",
    "size(item.constructor.name) > 0",
    "[].constructor.constructor('return process')()",
    "{}.constructor == null",
    "''.constructor.prototype == null",
  ),
  ...refused(
    "prototype walks",
    "item.__proto__ == null",
    'item["__proto__"] == null',
    "item.__proto__.polluted == true",
    "nodes.__proto__.constructor == null",
    "item.prototype == null",
    "item.__defineGetter__ == null",
    "item.hasOwnProperty('text')",
    "item.toString() == ''",
    "item.valueOf == null",
    "item.text.__proto__.toString == null",
    "item.text.length > 0",
    "item.text.charAt(0) == 'x'",
  ),
  ...refused(
    "JavaScript globals and module loading",
    "this",
    "this.process == null",
    "globalThis.process.env",
    "globalThis.__reliabilityCanary()",
    "__reliabilityCanary()",
    "process.env.HOME",
    "process.mainModule.require('child_process').execSync('id')",
    "require('child_process').execSync('id')",
    "import('child_process')",
    "Function('return process')()",
    "eval('1+1') == 2",
    "new Function('return 1')",
    "window.location",
    "Reflect.ownKeys(item)",
    "Object.keys(item)",
  ),
  ...refused(
    "template-literal and statement syntax",
    "`${process.env}`",
    "item.text == `x`",
    "(() => process)()",
    "function f() { return process }",
    "item.text = 'x'",
    "1; process.exit(1)",
    "item.text ?? process",
    "void 0",
    "typeof process == 'object'",
  ),
  ...refused(
    "unicode escapes and comments hiding identifiers",
    "\\u0063onstructor.constructor('return process')()",
    "item.\\u005f_proto__ == null",
    "item./* */constructor == null",
    "item.text == 'x' /* */ || process.env",
    "item.text == 'x' // || true\n|| process.env",
  ),
  ...refused(
    "regular-expression denial of service",
    'item.text.matches("(a+)+$")',
    'matches(item.text, "(a|aa)+$")',
    'item.text.matches("^(([a-z])+.)+[A-Z]([a-z])+$")',
  ),
  ...refused(
    "size and depth bombs",
    deepParens,
    deepMembers,
    manyTerms,
    `item.text == "${"a".repeat(5_000)}"`,
    "item.a.all(x, item.b.all(y, item.c.all(z, true)))",
    `[${Array.from({ length: 600 }, (_, i) => i).join(",")}].size() > 0`,
  ),
  ...data(
    "template syntax inside CEL strings stays text",
    "'${process.env.HOME}' == item.text",
    "\"{{constructor.constructor('return process')()}}\" == item.text",
    "'#{7*7}' + '<%= 7*7 %>' == item.text",
    "item.text.contains('${7*7}')",
    "'\\u0063onstructor' == item.text",
    "item.text + '__proto__' == 'x__proto__'",
  ),
  ...refused(
    "CEL's own escape hatches",
    "dyn(item).__proto__ == null",
    "dyn(item.text).constructor == null",
    "type(item).constructor == null",
  ),
  ...data(
    "reading a hostile-looking key of the item as data",
    'has(item.text) && item.text == "constructor"',
    'item.text in ["__proto__", "constructor", "prototype"]',
    "size(item.text) < 1000000",
  ),
];

/**
 * Connector templates are plain `{{input.x}}` substitution: anything else here must come out as the text it
 * is, or be refused (TemplateError) — never evaluated.
 */
export const HOSTILE_TEMPLATES: readonly string[] = [
  "{{input.constructor.constructor('return process')()}}",
  "{{input.constructor}}",
  "{{input.__proto__}}",
  "{{input.text.constructor}}",
  "{{input.prototype}}",
  "{{ input.__proto__.polluted }}",
  "{{constructor.constructor('return process')()}}",
  "{{this}}",
  "{{7*7}}",
  "{{= 7*7 }}",
  '{{#with "s" as |string|}}{{string.sub.apply 0 codelist}}{{/with}}',
  "{{process.env.HOME}}",
  "{{{input.text}}}",
  "${7*7}",
  "${process.env.HOME}",
  "`${process.env.HOME}`",
  "#{7*7}",
  "<%= 7*7 %>",
  "${{7*7}}",
  "{% print(7*7) %}",
  "{{input.text | safe}}",
  "{{input['text']}}",
  "{{input.text}}{{input.text}}",
];
