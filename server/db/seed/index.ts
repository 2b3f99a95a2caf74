import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { DEMO_PASSWORD, DEMO_USERS } from "../../config";
import type { Db } from "../client";
import { user } from "../schema";
import { seedDemoHistoryAndBacktest } from "../../services/backtests/demo";
import { seedDemoLifecycle } from "../../services/lifecycle/demo";
import { seedDemoMonitoring } from "../../services/monitoring/demo";
import { seedDemoKnowledge } from "../../services/knowledge/demo";
import { seedDemoInbox } from "../../services/reviews/demo";
import { seedDemoWorkspace } from "./demo-workspace";
import { createUserWithPassword } from "./users";

/**
 * On an empty database: in demo mode, the demo users and workspace; otherwise one admin, from
 * SWITCHBOARD_ADMIN_EMAIL / SWITCHBOARD_ADMIN_PASSWORD or with a generated password printed once.
 */
export async function seedOnFirstStart(db: Db, options: { demo: boolean; log?: (line: string) => void }) {
  const log = options.log ?? ((line: string) => console.log(line));
  return db.transaction(async (tx) => {
    // Two processes starting at once on one server: the second waits here, then finds users and stops.
    await tx.execute(sql`select pg_advisory_xact_lock(7236412902)`);
    const [{ count } = { count: 0 }] = await tx.select({ count: sql<number>`count(*)::int` }).from(user);
    if (count > 0) return { seeded: false as const };
    return seedEmpty(tx as unknown as Db, options.demo, log);
  });
}

async function seedEmpty(db: Db, demo: boolean, log: (line: string) => void) {
  if (demo) {
    const ids: Record<string, string> = {};
    for (const demoUser of DEMO_USERS) {
      ids[demoUser.role] = await createUserWithPassword(db, { ...demoUser, password: DEMO_PASSWORD });
    }
    const { workflowId } = await seedDemoWorkspace(db, { ownerId: ids.owner ?? null });
    if (ids.owner && ids.reviewer && ids.admin) {
      // 120 days of history, criteria agreed beforehand, a signed-off backtest and a failing one.
      const history = await seedDemoHistoryAndBacktest(db, {
        workflowId,
        ownerId: ids.owner,
        adminId: ids.admin,
      });
      // The knowledge base: help-centre articles and resolved tickets from before the backtest window.
      await seedDemoKnowledge(db, { workflowId, datasetId: history.datasetId });
      // Validated on that backtest, nine days in shadow beside the support team: ready to cut over.
      await seedDemoLifecycle(db, { workflowId, ownerId: ids.owner });
      // The review inbox: queues, open tasks (some overdue) and a reviewer's decided history.
      await seedDemoInbox(db, { workflowId, reviewerId: ids.reviewer, adminId: ids.admin });
      // Monitoring: a flood the volume guard caught and cleared, and an admin's threshold change.
      await seedDemoMonitoring(db, { workflowId, adminId: ids.admin });
    }
    log(
      `[switchboard] demo workspace seeded; sign in as ${DEMO_USERS.map((u) => u.email).join(", ")} (password: ${DEMO_PASSWORD})`,
    );
    return { seeded: true as const };
  }

  const email = process.env.SWITCHBOARD_ADMIN_EMAIL ?? "admin@localhost";
  const password = process.env.SWITCHBOARD_ADMIN_PASSWORD ?? crypto.randomBytes(12).toString("base64url");
  await createUserWithPassword(db, { email, name: "Administrator", role: "admin", password });
  if (!process.env.SWITCHBOARD_ADMIN_PASSWORD) {
    log(
      `[switchboard] first start: created admin ${email} with password ${password} (shown once; change it after signing in)`,
    );
  }
  return { seeded: true as const };
}
