import type { z } from "zod";
import type { Role } from "@/lib/roles";
import { appRouter } from "../../root";
import { inputShape, type InputShape } from "./input-shape";

export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation" | "subscription";
  roles: readonly Role[];
  inputs: z.ZodType[];
  shape: InputShape;
}

interface ProcedureDef {
  type: ProcedureInfo["type"];
  meta?: { roles?: Role[] };
  inputs?: z.ZodType[];
}

/** Every procedure of the root router, read from the router itself: a new one joins every matrix built on this. */
export function listProcedures(): ProcedureInfo[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>;
  return Object.entries(procedures).map(([path, procedure]) => {
    const inputs = procedure._def.inputs ?? [];
    return {
      path,
      type: procedure._def.type,
      roles: procedure._def.meta?.roles ?? [],
      inputs,
      shape: inputShape(path, inputs),
    };
  });
}
