import { z } from "zod";
import { MAX_BATCH_ITEMS } from "./ingest-items";

/**
 * The public API's bodies and answers, in one place: the handlers validate with them and the OpenAPI
 * document is generated from them, so the two cannot disagree.
 */
export const itemPayloadSchema = z
  .record(z.string(), z.unknown())
  .describe("One item: the fields of the workflow's trigger (see the workflow's Map tab).");

export const batchBodySchema = z
  .object({ items: z.array(z.unknown()).min(1).max(MAX_BATCH_ITEMS) })
  .describe(`Up to ${MAX_BATCH_ITEMS} items in one request.`);

export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().describe("Stable machine-readable code, e.g. invalid_item, rate_limited."),
    message: z.string().describe("A sentence for people."),
    fields: z.array(fieldErrorSchema).optional(),
  }),
});

export const acceptedItemSchema = z.object({
  itemId: z.string(),
  externalId: z.string().describe("The item's own id field, or a generated one."),
  duplicate: z.boolean().describe("True when this item had been received before; nothing new was queued."),
  statusUrl: z.string(),
});

export const batchAcceptedSchema = z.object({
  accepted: z.array(acceptedItemSchema.extend({ index: z.number().int() })),
  rejected: z.array(z.object({ index: z.number().int(), errors: z.array(fieldErrorSchema) })),
});

export const reportedOutcomeSchema = z
  .discriminatedUnion("type", [
    z.object({
      type: z.literal("route"),
      team: z.string().trim().min(1).max(200),
      queue: z.string().max(200).optional(),
    }),
    z.object({ type: z.literal("resolve"), resolution: z.string().trim().min(1).max(200) }),
    z.object({ type: z.literal("end") }),
  ])
  .describe("What the human process actually decided for this item.");

export const itemStatusSchema = z.object({
  itemId: z.string(),
  workflowId: z.string(),
  externalId: z.string(),
  mode: z.enum(["live", "shadow"]),
  status: z.string().describe("queued, completed, awaiting_review, reviewed, deferred, error, dead_letter…"),
  receivedAt: z.string(),
  processedAt: z.string().nullable(),
  outcome: z.unknown().nullable().describe("What the workflow decided (null until processed)."),
  trace: z.unknown().nullable().describe("Each node visited, its output, confidence and the handle taken."),
  reportedOutcome: z.unknown().nullable().describe("The truth, once reported or decided by a reviewer."),
});
