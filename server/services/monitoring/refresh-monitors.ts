import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { volumeEpisodes } from "../../db/schema";
import { evaluateDrift } from "./drift/evaluate-drift";
import { evaluateVolumeGuard } from "./volume/evaluate-volume-guard";

/**
 * Brings flags and episodes up to date before figures are shown. Workers judge as items run; when the
 * traffic stops altogether no item runs, so an open volume episode is also judged here — else it would
 * stay open until the next item arrived.
 */
export async function refreshMonitors(db: Db, workflowId: string, now: Date): Promise<void> {
  await evaluateDrift(db, workflowId, now);
  const [open] = await db
    .select({ id: volumeEpisodes.id })
    .from(volumeEpisodes)
    .where(and(eq(volumeEpisodes.workflowId, workflowId), isNull(volumeEpisodes.endedAt)));
  if (open) await evaluateVolumeGuard(db, workflowId, now);
}
