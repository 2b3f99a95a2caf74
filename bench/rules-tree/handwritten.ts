import { RE2JS } from "re2js";
import type { Outcome, SuggestedOutcome } from "../../lib/engine/run/outcome";
import { ORDER_PATTERN, OUTAGE_WORDS, REFUND_WORDS, SCREEN_WORDS } from "./graph";

/*
 * The floor: the rules tree of ./graph.ts written by hand, with the same
 * semantics (item admission, whole-word keywords, the same linear-time regex
 * engine, the same outcomes, the escalation's reason and suggested outcome).
 */
const TIERS = new Set(["free", "pro", "enterprise"]);
const CHANNELS = new Set(["email", "chat", "phone"]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const ORDER = RE2JS.compile(ORDER_PATTERN, RE2JS.CASE_INSENSITIVE);

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c >= 128;
}

function hasWord(text: string, word: string): boolean {
  const prefix = word.endsWith("*");
  const needle = prefix ? word.slice(0, -1) : word;
  let from = 0;
  for (;;) {
    const at = text.indexOf(needle, from);
    if (at < 0) return false;
    const end = at + needle.length;
    if (
      (at === 0 || !isWordCode(text.charCodeAt(at - 1))) &&
      (prefix || end === text.length || !isWordCode(text.charCodeAt(end)))
    ) {
      return true;
    }
    from = at + 1;
  }
}

function firstWord(text: string, words: readonly string[]): string | undefined {
  for (const w of words) if (hasWord(text, w)) return w;
  return undefined;
}

function afterScreen(item: Record<string, unknown>, lower: string): SuggestedOutcome {
  if (item.tier === "enterprise" && (item.amount as number) > 1000) {
    return firstWord(lower, OUTAGE_WORDS) !== undefined
      ? { type: "route", nodeId: "route_priority", team: "priority" }
      : { type: "route", nodeId: "route_enterprise", team: "enterprise" };
  }
  if (item.channel === "phone" || item.channel === "chat") {
    return firstWord(lower, REFUND_WORDS) !== undefined || ORDER.test(item.text as string)
      ? { type: "route", nodeId: "route_billing", team: "billing" }
      : { type: "route", nodeId: "route_live", team: "live" };
  }
  return { type: "end", nodeId: "end_email", note: "email queue handles it" };
}

export function handwrittenRulesTree(raw: unknown): Outcome {
  const item = raw as Record<string, unknown>;
  if (
    typeof item !== "object" ||
    item === null ||
    typeof item.id !== "string" ||
    typeof item.text !== "string" ||
    typeof item.tier !== "string" ||
    !TIERS.has(item.tier) ||
    typeof item.channel !== "string" ||
    !CHANNELS.has(item.channel) ||
    typeof item.amount !== "number" ||
    !Number.isFinite(item.amount) ||
    typeof item.created_at !== "string" ||
    !ISO_DATE.test(item.created_at) ||
    Number.isNaN(Date.parse(item.created_at))
  ) {
    return {
      type: "error",
      nodeId: "trigger",
      code: "invalid_item",
      message: "The item does not match the trigger's fields",
    };
  }
  const lower = item.text.toLowerCase();
  const hit = firstWord(lower, SCREEN_WORDS);
  if (hit !== undefined) {
    const detail = `rule legal matched ${JSON.stringify(hit)}`;
    return {
      type: "escalate",
      nodeId: "escalate_screen",
      queue: "compliance",
      reasonType: "rule",
      reason: `screen: ${detail}`,
      context: { decisions: [{ nodeId: "screen", type: "rule", handle: "matched", detail }] },
      suggested: afterScreen(item, lower),
    };
  }
  return afterScreen(item, lower);
}
