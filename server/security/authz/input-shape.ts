import type { z } from "zod";
import { kindOfField, type ObjectKind } from "./object-kinds";

/** zod 4 keeps its definition on `_zod.def`; only the parts walked here are typed. */
interface Def {
  type: string;
  innerType?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  options?: Schema[];
  in?: Schema;
  entries?: Record<string, string | number>;
  values?: unknown[];
}
type Schema = z.ZodType & { _zod: { def: Def } };

export interface IdField {
  /** Keys from the input's root; `*` stands for "each element of an array". */
  path: string[];
  kind: ObjectKind;
  numeric: boolean;
  many: boolean;
}

export interface InputShape {
  idFields: IdField[];
  /** Fields that look like ids but that nobody said what they point at. */
  unknownIdFields: string[];
}

const def = (schema: Schema): Def => schema._zod.def;

function unwrap(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    const d = def(current);
    if ((d.type === "optional" || d.type === "nullable" || d.type === "default") && d.innerType) {
      current = d.innerType;
    } else if (d.type === "pipe" && d.in) {
      current = d.in;
    } else return current;
  }
}

/** Where a procedure's input names objects, found by walking its zod schema. */
export function inputShape(procedurePath: string, schemas: readonly z.ZodType[]): InputShape {
  const shape: InputShape = { idFields: [], unknownIdFields: [] };
  const walk = (schema: Schema, path: string[], many: boolean) => {
    const inner = unwrap(schema);
    const d = def(inner);
    if (d.type === "object" && d.shape) {
      for (const [key, child] of Object.entries(d.shape)) {
        const childPath = [...path, key];
        const keys = childPath.filter((part) => part !== "*");
        const leaf = unwrap(child);
        const leafType = def(leaf).type;
        const element = leafType === "array" && def(leaf).element ? unwrap(def(leaf).element!) : null;
        const scalar = (type: string) => type === "string" || type === "number";
        if (scalar(leafType) || (element && scalar(def(element).type))) {
          const found = kindOfField(procedurePath, keys);
          const elementType = element ? def(element).type : leafType;
          if (found.kind) {
            shape.idFields.push({
              path: element ? [...childPath, "*"] : childPath,
              kind: found.kind,
              numeric: elementType === "number",
              many: many || element !== null,
            });
          } else if (found.unknownId) shape.unknownIdFields.push(keys.join("."));
        } else walk(child, childPath, many);
      }
    } else if (d.type === "array" && d.element) {
      walk(d.element, [...path, "*"], true);
    } else if (d.type === "union" && d.options) {
      for (const option of d.options) walk(option, path, many);
    }
  };
  for (const schema of schemas) walk(schema as Schema, [], false);
  return shape;
}

const STRING_CANDIDATES = [
  "authz-probe",
  "2026-01-15",
  "2026-01",
  "https://api.example.test/v1",
  "a",
  "Authorization probe with enough words",
];
const NUMBER_CANDIDATES = [1, 0, 0.5, 5, 10, 60, 100, 1000, -1];

/** Whether the schema (or anything inside it) holds an id field: optional ones are then filled in too. */
function holdsId(procedurePath: string, schema: Schema, path: string[]): boolean {
  return inputShape(procedurePath, [schema]).idFields.length > 0 || idLeaf(procedurePath, path) !== null;
}

function idLeaf(procedurePath: string, path: string[]): ObjectKind | null {
  const keys = path.filter((part) => part !== "*");
  return keys.length ? kindOfField(procedurePath, keys).kind : null;
}

/**
 * A small valid input for a procedure: id fields (optional ones included) filled by `idFor`, everything
 * else the simplest value its schema accepts, optional fields left out. The caller checks the result
 * with the schema and patches what cannot be guessed (a graph, an import document).
 */
export function sampleInput(
  procedurePath: string,
  schema: z.ZodType,
  idFor: (kind: ObjectKind, numeric: boolean, path: string[]) => string | number,
): unknown {
  const build = (node: Schema, path: string[]): unknown => {
    const d = def(node);
    switch (d.type) {
      case "optional":
      case "default":
        return holdsId(procedurePath, d.innerType!, path) ? build(d.innerType!, path) : undefined;
      case "nullable":
        return build(d.innerType!, path);
      case "pipe":
        return build(d.in!, path);
      case "object": {
        const value: Record<string, unknown> = {};
        for (const [key, child] of Object.entries(d.shape!)) {
          const built = build(child, [...path, key]);
          if (built !== undefined) value[key] = built;
        }
        return value;
      }
      case "array": {
        if (holdsId(procedurePath, d.element!, [...path, "*"]) || !node.safeParse([]).success)
          return [build(d.element!, [...path, "*"])];
        return [];
      }
      case "string":
      case "number": {
        const kind = idLeaf(procedurePath, path);
        if (kind) return idFor(kind, d.type === "number", path);
        const candidates: unknown[] = d.type === "string" ? STRING_CANDIDATES : NUMBER_CANDIDATES;
        return candidates.find((candidate) => node.safeParse(candidate).success) ?? candidates[0];
      }
      case "boolean":
        return false;
      case "enum":
        return Object.values(d.entries!)[0];
      case "literal":
        return d.values![0];
      case "union":
        return d.options!.map((option) => build(option, path)).find((v) => node.safeParse(v).success);
      case "date":
        return new Date();
      default:
        // records, unknown, any: the empty object is the simplest value most accept.
        return {};
    }
  };
  return build(schema as Schema, []);
}
