import type { ConnectorRequest, ReviewQueue, ReviewTaskRequest } from "../ports";

/** What a backtest or shadow run would have done to the world, instead of doing it. */
export interface SideEffectLog {
  readonly writes: ConnectorRequest[];
  readonly reviewTasks: ReviewTaskRequest[];
  clear(): void;
}

export function createSideEffectLog(): SideEffectLog {
  const writes: ConnectorRequest[] = [];
  const reviewTasks: ReviewTaskRequest[] = [];
  return {
    writes,
    reviewTasks,
    clear() {
      writes.length = 0;
      reviewTasks.length = 0;
    },
  };
}

/** A review queue that records the task it would have created. */
export function recordingReviewQueue(log: SideEffectLog): ReviewQueue {
  return {
    createTask(request) {
      log.reviewTasks.push(request);
      return { taskId: `recorded:${request.idempotencyKey}` };
    },
  };
}
