import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { z } from "zod";
import { IngestError, ingestItems, MAX_BATCH_ITEMS } from "../services/ingest/ingest-items";
import { getItem } from "../services/items/get-item";
import { ITEM_STATUSES, listItems } from "../services/items/list-items";
import { uploadTarget } from "../services/items/upload-target";
import { procedureFor, router } from "../trpc";

const id = z.string().min(1).max(200);

export const listItemsInput = z.object({
  workflowId: id,
  statuses: z.array(z.enum(ITEM_STATUSES)).max(ITEM_STATUSES.length).optional(),
  mode: z.enum(["live", "shadow"]).optional(),
  page: z.number().int().min(0).max(100_000).default(0),
  pageSize: z.number().int().min(10).max(200).default(50),
});
export const itemInput = z.object({ itemId: id });
export const uploadItemsInput = z.object({
  workflowId: id,
  items: z
    .array(z.record(z.string(), z.unknown()))
    .min(1, "Send at least one item")
    .max(MAX_BATCH_ITEMS, `Send at most ${MAX_BATCH_ITEMS} items at a time`),
});

const CODE_FOR_STATUS: Record<number, TRPC_ERROR_CODE_KEY> = {
  400: "BAD_REQUEST",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  412: "PRECONDITION_FAILED",
  413: "PAYLOAD_TOO_LARGE",
  422: "UNPROCESSABLE_CONTENT",
  429: "TOO_MANY_REQUESTS",
};

/** Ingest speaks HTTP statuses (for the public API); the app speaks tRPC codes, with the same sentence. */
async function asTRPC<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof IngestError) {
      const code =
        CODE_FOR_STATUS[error.status] ?? (error.status < 500 ? "BAD_REQUEST" : "INTERNAL_SERVER_ERROR");
      throw new TRPCError({ code, message: error.message, cause: error });
    }
    throw error;
  }
}

/** A workflow's received items, and items uploaded from the app: for owners and admins. */
const owner = () => procedureFor("admin", "owner");

export const itemsRouter = router({
  list: owner()
    .input(listItemsInput)
    .query(({ ctx, input }) => listItems(ctx.db, input)),
  get: owner()
    .input(itemInput)
    .query(({ ctx, input }) => getItem(ctx.db, input.itemId)),
  /** The trigger fields an upload's columns map to. */
  uploadTarget: owner()
    .input(z.object({ workflowId: id }))
    .query(({ ctx, input }) => uploadTarget(ctx.db, input.workflowId)),
  /** One chunk of an upload; the dialog sends a file as several. Rows with errors are reported, not fatal. */
  upload: owner()
    .input(uploadItemsInput)
    .mutation(({ ctx, input }) =>
      asTRPC(
        ingestItems(ctx.db, {
          workflowId: input.workflowId,
          items: input.items,
          apiKeyId: null,
        }),
      ),
    ),
});
