import type { HandleSpec, NodeDefinition } from "@/lib/engine/node-definition";
import { nodeRegistry } from "@/lib/nodes/registry";

export interface ParsedConfig {
  /** The config with schema defaults applied, when it is valid. */
  value: unknown;
  ok: boolean;
  /** `path` joined with "." → messages, from the node type's own zod schema. */
  issues: ReadonlyMap<string, string[]>;
}

const parsedCache = new WeakMap<object, ParsedConfig>();

/** Parses a node's config with the engine's schema; memoised per config object (configs are immutable here). */
export function parseConfig(
  definition: NodeDefinition | undefined,
  config: Record<string, unknown>,
): ParsedConfig {
  const cached = parsedCache.get(config);
  if (cached) return cached;
  let result: ParsedConfig;
  if (!definition) {
    result = { value: config, ok: false, issues: new Map([["", ["unknown node type"]]]) };
  } else {
    const parsed = definition.configSchema.safeParse(config);
    if (parsed.success) {
      result = { value: parsed.data, ok: true, issues: new Map() };
    } else {
      const issues = new Map<string, string[]>();
      for (const issue of parsed.error.issues) {
        const key = issue.path.map(String).join(".");
        issues.set(key, [...(issues.get(key) ?? []), issue.message]);
      }
      result = { value: config, ok: false, issues };
    }
  }
  parsedCache.set(config, result);
  return result;
}

const handleCache = new WeakMap<object, readonly HandleSpec[] | null>();

/**
 * The output handles a node shows. With an invalid config the handles are computed from the raw config when
 * possible (a classifier with one bad label still has its other labels), else `null`: "unknown, keep edges".
 */
export function handlesOf(
  type: string | undefined,
  config: Record<string, unknown>,
): readonly HandleSpec[] | null {
  if (handleCache.has(config)) return handleCache.get(config) ?? null;
  const definition = type ? nodeRegistry.get(type) : undefined;
  let handles: readonly HandleSpec[] | null = null;
  if (definition) {
    const parsed = parseConfig(definition, config);
    try {
      handles = definition.outputHandles(parsed.value as never);
      if (!Array.isArray(handles) || handles.some((h) => typeof h?.id !== "string")) handles = null;
    } catch {
      handles = null;
    }
  }
  handleCache.set(config, handles);
  return handles;
}

export function isTerminalType(type: string | undefined): boolean {
  return type ? nodeRegistry.get(type)?.terminal === true : false;
}

export function isTriggerType(type: string | undefined): boolean {
  return type ? nodeRegistry.get(type)?.group === "trigger" : false;
}
