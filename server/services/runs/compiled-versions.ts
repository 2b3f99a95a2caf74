import { compileGraph, type CompiledGraph } from "@/lib/engine/compile/compile-graph";
import type { Graph } from "@/lib/engine/graph/graph-schema";

/**
 * Versions are immutable, so a version id names one graph and one compiled graph for the life of the
 * process. A small LRU each: a server runs a handful of published versions at a time.
 */
const MAX_CACHED = 64;
const compiledById = new Map<string, CompiledGraph>();
const graphById = new Map<string, Graph>();

function touch<T>(cache: Map<string, T>, key: string): T | undefined {
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Most recently used last, so the oldest is evicted first.
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  cache.set(key, value);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return value;
}

export function compiledVersion(version: { id: string; graph: Graph }): CompiledGraph {
  return touch(compiledById, version.id) ?? remember(compiledById, version.id, compileGraph(version.graph));
}

export function cachedGraph(versionId: string): Graph | undefined {
  return touch(graphById, versionId);
}

export function rememberGraph(versionId: string, graph: Graph): Graph {
  return remember(graphById, versionId, graph);
}
