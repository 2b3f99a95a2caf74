import type { ThresholdInForce, Trace } from "@/lib/engine/run/outcome";

/** One step of the path, as the inbox shows it: what each node decided, with the AI's numbers. */
export interface PathStep {
  nodeId: string;
  name?: string;
  type: string;
  handle: string;
  detail?: string;
  confidence?: number;
  threshold?: ThresholdInForce;
  /** classify / assess: the label, its confidence and every label's score when the model gave them. */
  classification?: {
    label: string | null;
    confidence: number;
    scores?: Record<string, number>;
    explanation?: string;
  };
  /** match: the closest known resolution and its similarity. */
  match?: { matched: boolean; entryId?: string; title?: string; score: number };
  /** rule: the rule that matched and its evidence. */
  rule?: { matched: boolean; rule?: string; evidence?: string };
  /** connector: what the system answered. */
  connector?: { status: string; message?: string };
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const num = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;

function numberRecord(value: unknown): Record<string, number> | undefined {
  if (!isObject(value)) return undefined;
  const entries = Object.entries(value).filter(
    (entry): entry is [string, number] => num(entry[1]) !== undefined,
  );
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function evidenceText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value).slice(0, 200);
}

/**
 * The trace of a run, reduced to what a reviewer reads: no node inputs (the item is shown once, beside),
 * no reply texts, each node's output narrowed to the facts of its kind. Tolerates any stored shape.
 */
export function describePath(trace: Trace | null | undefined): PathStep[] {
  if (!trace || !Array.isArray(trace.steps)) return [];
  return trace.steps
    .filter((step) => step.type !== "trigger")
    .map((step) => {
      const out: PathStep = { nodeId: step.nodeId, type: step.type, handle: step.handle };
      if (step.name) out.name = step.name;
      if (step.detail) out.detail = step.detail;
      if (num(step.confidence) !== undefined) out.confidence = step.confidence;
      if (step.threshold) out.threshold = step.threshold;
      const output = isObject(step.output) ? step.output : undefined;
      if (!output) return out;
      if (step.type === "classify" || step.type === "assess") {
        out.classification = {
          label: str(output.label) ?? null,
          confidence: num(output.confidence) ?? 0,
          ...(numberRecord(output.scores) ? { scores: numberRecord(output.scores) } : {}),
          ...(str(output.explanation) ? { explanation: str(output.explanation) } : {}),
        };
      } else if (step.type === "match") {
        out.match = {
          matched: output.matched === true,
          entryId: str(output.entryId),
          title: str(output.title),
          score: num(output.score) ?? 0,
        };
      } else if (step.type === "rule") {
        out.rule = {
          matched: output.matched === true,
          rule: str(output.ruleName) ?? str(output.ruleId),
          evidence: evidenceText(output.evidence),
        };
      } else if (step.type === "connector") {
        out.connector = {
          status: str(output.status) ?? "unknown",
          message: str(output.reason) ?? str(output.message),
        };
      }
      return out;
    });
}
