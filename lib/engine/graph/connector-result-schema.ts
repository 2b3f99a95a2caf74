import { z } from "zod";

/** What a ConnectorGateway call answers; a schema so recorded reads can be stored and checked. */
export const connectorResultSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("ok"), data: z.unknown() }),
  z.object({ status: z.literal("unavailable"), reason: z.string() }),
  z.object({ status: z.literal("error"), message: z.string() }),
]);
export type ConnectorResult = z.infer<typeof connectorResultSchema>;
