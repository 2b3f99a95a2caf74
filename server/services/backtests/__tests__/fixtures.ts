import { eq } from "drizzle-orm";
import { generateTickets } from "@/lib/demo/history/generate-tickets";
import type { Db } from "../../../db/client";
import { workflowVersions } from "../../../db/schema";
import { seedDemoWorkspace } from "../../../db/seed/demo-workspace";
import { createUserWithPassword } from "../../../db/seed/users";
import { importDataset } from "../../datasets/import-dataset";
import { DEMO_MAPPING, ticketsCsv } from "../demo-history";

/** Users, the demo workflow (published v1, draft v2) and a few weeks of its history as a dataset. */
export async function demoFixture(db: Db, options: { days?: number; weekdayMean?: number } = {}) {
  const ownerId = await createUserWithPassword(db, {
    email: "owner@fixture.test",
    name: "Oscar Owner",
    role: "owner",
    password: "x-password-1",
  });
  const adminId = await createUserWithPassword(db, {
    email: "admin@fixture.test",
    name: "Ada Admin",
    role: "admin",
    password: "x-password-1",
  });
  const { workflowId } = await seedDemoWorkspace(db, { ownerId });
  const versions = await db
    .select()
    .from(workflowVersions)
    .where(eq(workflowVersions.workflowId, workflowId));
  const published = versions.find((v) => v.published)!;
  const draft = versions.find((v) => !v.published)!;
  const tickets = generateTickets({
    startMs: Date.UTC(2025, 0, 6),
    days: options.days ?? 28,
    seed: 11,
    weekdayMean: options.weekdayMean ?? 30,
  });
  const imported = await importDataset(db, {
    name: "history",
    mapping: DEMO_MAPPING,
    source: ticketsCsv(tickets),
    createdBy: ownerId,
  });
  return { ownerId, adminId, workflowId, published, draft, datasetId: imported.datasetId, tickets };
}
