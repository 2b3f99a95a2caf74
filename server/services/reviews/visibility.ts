import { eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { reviewTasks } from "../../db/schema";
import type { SessionUser } from "../../trpc";
import { memberQueueIds, seesAllQueues } from "./queues";

/**
 * Which tasks a viewer may see and act on: admins and owners every queue; a reviewer the queues they are a
 * member of, plus any overdue task re-escalated to them.
 */
export async function visibleTasksWhere(db: Db, viewer: Pick<SessionUser, "id" | "role">): Promise<SQL> {
  if (seesAllQueues(viewer)) return sql`true`;
  const queueIds = await memberQueueIds(db, viewer.id);
  const escalatedToMe = eq(reviewTasks.escalatedToId, viewer.id);
  return queueIds.length === 0 ? escalatedToMe : or(inArray(reviewTasks.queueId, queueIds), escalatedToMe)!;
}
