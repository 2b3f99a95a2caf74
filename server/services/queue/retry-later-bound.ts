import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { connectors } from "../../db/schema";
import { loadVersionById } from "../runs/published-version";

/** When a connector's profile names no bound (an incomplete profile cannot be published, but be safe). */
const DEFAULT_MAX_WAIT_MINUTES = 60;

/**
 * True when an item deferred by `nodeId` has waited, since it arrived, longer than that connector's
 * `retry_later` bound (its profile's maxWaitMinutes): it must stop waiting and escalate.
 */
export async function retryLaterExpired(
  db: Db,
  item: { versionId: string | null; receivedAt: Date },
  nodeId: string,
  now = Date.now(),
): Promise<boolean> {
  if (!item.versionId) return true;
  const { graph } = await loadVersionById(db, item.versionId);
  const node = graph.nodes.find((n) => n.id === nodeId);
  const connectorId = (node?.config as { connectorId?: unknown } | undefined)?.connectorId;
  let maxWaitMinutes = DEFAULT_MAX_WAIT_MINUTES;
  if (typeof connectorId === "string") {
    const [connector] = await db
      .select({ profile: connectors.profile })
      .from(connectors)
      .where(eq(connectors.id, connectorId));
    const policy = connector?.profile.onUnavailable;
    if (policy?.policy === "retry_later" && policy.maxWaitMinutes) maxWaitMinutes = policy.maxWaitMinutes;
  }
  return now - item.receivedAt.getTime() >= maxWaitMinutes * 60_000;
}
