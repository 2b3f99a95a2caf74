import { z } from "zod";
import { escalationReasonTypeSchema } from "@/lib/engine/graph/test-case-schema";
import { assignTask, claimTask, releaseTask } from "../services/reviews/claim-task";
import { bulkApprove, decideTask } from "../services/reviews/decide-task";
import { getTask } from "../services/reviews/get-task";
import { myDecisions } from "../services/reviews/history";
import { listInbox } from "../services/reviews/list-tasks";
import {
  addQueueMember,
  listQueues,
  myQueues,
  removeQueueMember,
  saveQueue,
} from "../services/reviews/queues";
import { similarCases } from "../services/reviews/similar-cases";
import { undoDecision } from "../services/reviews/undo-decision";
import { ALL_ROLES, procedureFor, router } from "../trpc";

const id = z.string().min(1).max(200);
export const inboxFiltersInput = z
  .object({
    workflowId: id.optional(),
    reasonType: escalationReasonTypeSchema.optional(),
    label: z.string().max(200).optional(),
  })
  .optional();
export const taskInput = z.object({ taskId: id });
export const decideInput = z.object({
  taskId: id,
  expectedVersion: z.number().int().min(0),
  action: z.enum(["approve", "override", "send_back"]),
  optionKey: z.string().max(300).optional(),
  comment: z.string().max(2000).optional(),
});
export const bulkApproveInput = z.object({
  tasks: z
    .array(z.object({ taskId: id, expectedVersion: z.number().int().min(0) }))
    .min(1)
    .max(100),
});
export const saveQueueInput = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, "Use lower-case letters, digits, - and _ (as graphs name queues)."),
  team: z.string().trim().min(1).max(120),
  description: z.string().max(500).optional(),
  slaMinutes: z
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 14),
  escalationContactId: id.nullable().optional(),
});
export const queueMemberInput = z.object({ queueId: id, userId: id });

/** Everyone who works the inbox: reviewers their queues' tasks; admins and owners every queue. */
const inbox = () => procedureFor(...ALL_ROLES);

export const reviewsRouter = router({
  list: inbox()
    .input(inboxFiltersInput)
    .query(({ ctx, input }) => listInbox(ctx.db, ctx.user, input ?? {})),
  get: inbox()
    .input(taskInput)
    .query(({ ctx, input }) => getTask(ctx.db, ctx.user, input.taskId)),
  similar: inbox()
    .input(taskInput)
    .query(({ ctx, input }) => similarCases(ctx.db, ctx.user, input.taskId)),
  claim: inbox()
    .input(taskInput)
    .mutation(({ ctx, input }) => claimTask(ctx.db, ctx.user, input.taskId)),
  release: inbox()
    .input(taskInput)
    .mutation(({ ctx, input }) => releaseTask(ctx.db, ctx.user, input.taskId)),
  assign: inbox()
    .input(z.object({ taskId: id, userId: id }))
    .mutation(({ ctx, input }) => assignTask(ctx.db, ctx.user, input)),
  decide: inbox()
    .input(decideInput)
    .mutation(({ ctx, input }) => decideTask(ctx.db, ctx.user, input)),
  bulkApprove: inbox()
    .input(bulkApproveInput)
    .mutation(({ ctx, input }) => bulkApprove(ctx.db, ctx.user, input.tasks)),
  undo: inbox()
    .input(z.object({ eventId: id }))
    .mutation(({ ctx, input }) => undoDecision(ctx.db, ctx.user, input)),
  history: inbox().query(({ ctx }) => myDecisions(ctx.db, ctx.user)),
  myQueues: inbox().query(({ ctx }) => myQueues(ctx.db, ctx.user)),
  queues: procedureFor("admin").query(({ ctx }) => listQueues(ctx.db)),
  saveQueue: procedureFor("admin")
    .input(saveQueueInput)
    .mutation(({ ctx, input }) => saveQueue(ctx.db, input)),
  addQueueMember: procedureFor("admin")
    .input(queueMemberInput)
    .mutation(({ ctx, input }) => addQueueMember(ctx.db, input, ctx.user.id)),
  removeQueueMember: procedureFor("admin")
    .input(queueMemberInput)
    .mutation(({ ctx, input }) => removeQueueMember(ctx.db, input)),
});
