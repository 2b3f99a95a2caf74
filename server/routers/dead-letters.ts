import { z } from "zod";
import { countDeadLetters, listDeadLetters } from "../services/dead-letters/list-dead-letters";
import { discardDeadLetters, MAX_DEAD_LETTER_BATCH } from "../services/dead-letters/discard-dead-letters";
import { retryDeadLetters } from "../services/dead-letters/retry-dead-letters";
import { procedureFor, router } from "../trpc";

const id = z.string().min(1).max(200);
export const listDeadLettersInput = z.object({ workflowId: id.optional() }).optional();
export const deadLetterSelectionInput = z.object({
  itemIds: z
    .array(id)
    .min(1, "Select at least one item")
    .max(MAX_DEAD_LETTER_BATCH, `Act on at most ${MAX_DEAD_LETTER_BATCH} items at once`),
});

/** Items whose runs kept failing: admins look at them, queue them again or give up on them. */
export const deadLettersRouter = router({
  list: procedureFor("admin")
    .input(listDeadLettersInput)
    .query(({ ctx, input }) => listDeadLetters(ctx.db, input ?? {})),
  count: procedureFor("admin").query(({ ctx }) => countDeadLetters(ctx.db)),
  retry: procedureFor("admin")
    .input(deadLetterSelectionInput)
    .mutation(async ({ ctx, input }) => ({ retried: await retryDeadLetters(ctx.db, input.itemIds) })),
  discard: procedureFor("admin")
    .input(deadLetterSelectionInput)
    .mutation(async ({ ctx, input }) => ({
      discarded: await discardDeadLetters(ctx.db, ctx.user.id, input.itemIds),
    })),
});
