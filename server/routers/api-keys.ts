import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { ApiKeyError, createApiKey, listApiKeys, revokeApiKey } from "../services/api-keys/api-keys";
import { procedureFor, router } from "../trpc";

const id = z.string().min(1).max(200);
export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(120),
  /** Null: the key may send items to every workflow. */
  workflowId: id.nullable(),
});
export const revokeApiKeyInput = z.object({ keyId: id });

/** The service says why in a sentence; the UI shows it as is. */
async function readable<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ApiKeyError)
      throw new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
    throw error;
  }
}

/** Credentials for the ingest API: admins only. */
export const apiKeysRouter = router({
  list: procedureFor("admin").query(({ ctx }) => listApiKeys(ctx.db)),
  create: procedureFor("admin")
    .input(createApiKeyInput)
    .mutation(({ ctx, input }) => readable(createApiKey(ctx.db, ctx.user.id, input))),
  revoke: procedureFor("admin")
    .input(revokeApiKeyInput)
    .mutation(({ ctx, input }) => readable(revokeApiKey(ctx.db, ctx.user.id, input.keyId))),
});
