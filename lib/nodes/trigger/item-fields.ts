import { z } from "zod";
import { identifierSchema } from "../../engine/graph/graph-schema";

export const itemFieldSchema = z
  .object({
    name: identifierSchema,
    label: z.string().max(120).optional(),
    type: z.enum(["string", "number", "boolean", "date", "enum"]),
    required: z.boolean().default(true),
    /** Enum fields: the allowed values. */
    values: z.array(z.string().min(1).max(120)).min(1).max(200).optional(),
  })
  .refine((f) => f.type !== "enum" || (f.values !== undefined && f.values.length > 0), {
    message: "an enum field needs its list of values",
    path: ["values"],
  });
export type ItemField = z.infer<typeof itemFieldSchema>;
