import type { ConnectorGateway } from "@/lib/engine/ports";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { workflows, workflowVersions } from "../../../db/schema";
import { seedDemoWorkspace } from "../../../db/seed/demo-workspace";
import { createUserWithPassword } from "../../../db/seed/users";
import { processItem } from "../../runs/process-item";
import { addQueueMember, saveQueue } from "../queues";

/** Every connector is down: the demo's CRM lookup escalates (reason `connector`) instead of calling out. */
export const offlineConnectors: ConnectorGateway = {
  call: () => ({ status: "unavailable", reason: "offline in tests" }),
};

export interface ReviewWorld {
  workflowId: string;
  ownerId: string;
  adminId: string;
  reviewerId: string;
  secondReviewerId: string;
  /** A reviewer in no queue at all. */
  outsiderId: string;
  triageId: string;
  complianceId: string;
}

/**
 * The published support-triage demo workflow; queues `triage` (reviewer, second reviewer) and
 * `compliance` (reviewer only), both with the admin as escalation contact.
 */
export async function buildReviewWorld(db: Db): Promise<ReviewWorld> {
  const user = (name: string, role: "admin" | "owner" | "reviewer") =>
    createUserWithPassword(db, { email: `${name.toLowerCase()}@test`, name, role, password: "password123" });
  const [ownerId, adminId, reviewerId, secondReviewerId, outsiderId] = [
    await user("Olga", "owner"),
    await user("Ada", "admin"),
    await user("Rita", "reviewer"),
    await user("Rob", "reviewer"),
    await user("Otto", "reviewer"),
  ];
  const { workflowId } = await seedDemoWorkspace(db, { ownerId });
  const triage = await saveQueue(db, {
    name: "triage",
    team: "support",
    slaMinutes: 60,
    escalationContactId: adminId,
  });
  const compliance = await saveQueue(db, {
    name: "compliance",
    team: "legal",
    slaMinutes: 30,
    escalationContactId: adminId,
  });
  for (const userId of [reviewerId, secondReviewerId])
    await addQueueMember(db, { queueId: triage.id, userId }, adminId);
  await addQueueMember(db, { queueId: compliance.id, userId: reviewerId }, adminId);
  return {
    workflowId,
    ownerId,
    adminId,
    reviewerId,
    secondReviewerId,
    outsiderId,
    triageId: triage.id,
    complianceId: compliance.id,
  };
}

let sequence = 0;
/** A support ticket for the demo graph; the text decides where it goes. */
export function ticket(
  subject: string,
  body: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  sequence += 1;
  return {
    ticket_id: `TEST-${String(sequence).padStart(4, "0")}`,
    subject,
    body,
    customer_tier: "pro",
    channel: "email",
    created_at: new Date().toISOString(),
    customer_email: "someone@example.com",
    ...extra,
  };
}

/** A clock fixed at `ms` (for due times and SLA sweeps). */
export function fixedClock(ms: number) {
  return { now: () => ms, monotonic: () => 0 };
}

export async function escalate(
  db: Db,
  world: ReviewWorld,
  payload: Record<string, unknown>,
  now = Date.now(),
) {
  const processed = await processItem(
    db,
    { workflowId: world.workflowId, payload },
    { connectors: offlineConnectors, clock: fixedClock(now) },
  );
  if (!processed.taskId) throw new Error(`expected an escalation, got ${JSON.stringify(processed.outcome)}`);
  return processed as typeof processed & { taskId: string };
}

/** Words that no category knows: the classifier answers 0.00 and the item goes to triage without a suggestion. */
export const UNCLEAR = [
  "Question",
  "I have a question about something on my side, can someone look at it?",
] as const;
/** Two billing words and one technical: billing at 0.63, under the 0.70 threshold, so escalated with a billing suggestion. */
export const LEANS_BILLING = ["Blocked", "My refund payment was blocked with an error message."] as const;

/** Puts a workflow's published version in shadow, as if validated and started (tests of ingest and runs). */
export async function putInShadow(db: Db, workflowId: string): Promise<void> {
  const [published] = await db
    .select({ id: workflowVersions.id })
    .from(workflowVersions)
    .where(and(eq(workflowVersions.workflowId, workflowId), eq(workflowVersions.published, true)));
  await db
    .update(workflows)
    .set({ stage: "shadow", shadowVersionId: published!.id, shadowStartedAt: new Date() })
    .where(eq(workflows.id, workflowId));
}
