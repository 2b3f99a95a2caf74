import { Environment } from "@marcbachmann/cel-js";

/**
 * The one CEL environment every expression is parsed against. Two variables:
 * `item` (the work item's fields) and `nodes` (earlier nodes' outputs, by id).
 * Structural limits bound what a hostile expression can cost at parse time.
 */
export const celEnvironment = new Environment({
  limits: {
    maxAstNodes: 2_000,
    maxDepth: 48,
    maxListElements: 500,
    maxMapEntries: 200,
    maxCallArguments: 16,
  },
})
  .registerVariable("item", "map")
  .registerVariable("nodes", "map");

/** Longer expressions are refused before parsing. */
export const MAX_EXPRESSION_LENGTH = 4_000;
/** `a.map(x, b.map(y, c.map(...)))` multiplies list sizes; two levels are plenty for routing logic. */
export const MAX_COMPREHENSION_NESTING = 2;
/** Functions refused because they run a backtracking regex on item text; the rule node has a linear-time regex. */
export const FORBIDDEN_FUNCTIONS: ReadonlySet<string> = new Set(["matches"]);
export const COMPREHENSION_MACROS: ReadonlySet<string> = new Set([
  "all",
  "exists",
  "exists_one",
  "map",
  "filter",
]);
