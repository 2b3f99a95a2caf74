import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "../../../db/client";
import { thresholdChanges, volumeEpisodes, workflowTestCases } from "../../../db/schema";
import { openTestDatabase } from "../../../testing/test-database";
import { demoFixture } from "../../backtests/__tests__/fixtures";
import { reportedLabel, storeRun } from "../../lifecycle/stored-runs";
import { addTestCase } from "../../workflows/test-cases";
import { exportReviewResponse } from "../review/export-review";
import { monthlyReview } from "../review/monthly-review";
import { reviewBodyHtml } from "../review/review-html";
import { reviewMarkdown } from "../review/review-markdown";
import { reviewPdf } from "../review/review-pdf";

let database: Database;
let db: Db;
let fx: Awaited<ReturnType<typeof demoFixture>>;
const NOVEMBER = Date.UTC(2026, 10, 3, 9);

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  fx = await demoFixture(db, { days: 7, weekdayMean: 20 });
  const routed = fx.tickets.filter((t) => reportedLabel(t)?.type === "route").slice(0, 30);
  for (const [i, ticket] of routed.entries()) {
    // Every third item's truth is a team it was not routed to: a disagreement pattern with examples.
    const truth =
      i % 3 === 0
        ? { type: "route" as const, label: "legal-team", team: "legal-team" }
        : reportedLabel(ticket);
    await storeRun(db, {
      workflowId: fx.workflowId,
      versionId: fx.published.id,
      mode: "shadow",
      payload: { ...ticket.item, ticket_id: `NOV-${i}` },
      label: truth,
      receivedAt: new Date(NOVEMBER + i * 3_600_000),
    });
  }
  await db.insert(thresholdChanges).values({
    id: crypto.randomUUID(),
    workflowId: fx.workflowId,
    nodeId: "classify",
    versionId: fx.published.id,
    graphValue: 0.7,
    oldValue: null,
    newValue: 0.75,
    reason: "Too many billing tickets routed wrong",
    changedBy: fx.adminId,
    changedAt: new Date(NOVEMBER + 5 * 86_400_000),
  });
  // The demo's own spec cases were written before November.
  await db
    .update(workflowTestCases)
    .set({ createdAt: new Date(Date.UTC(2026, 9, 1)) })
    .where(eq(workflowTestCases.workflowId, fx.workflowId));
  // Test cases: an edge case from a shadow disagreement that still fails, one marked as a known failure,
  // and an ordinary spec case, all added in November; the first two by the admin.
  const item = { ...fx.tickets[0]!.item };
  const added = [
    await addTestCase(
      db,
      fx.workflowId,
      {
        name: "Shadow v1: NOV-0 (legal-team)",
        item,
        expected: { terminalType: "route", team: "legal-team" },
        edgeCase: true,
        notes: "From the shadow run of version 1: the human process decided legal-team.",
      },
      fx.adminId,
    ),
    await addTestCase(
      db,
      fx.workflowId,
      {
        name: "Known: contract question",
        item,
        expected: { terminalType: "route", team: "legal-team" },
        edgeCase: true,
        knownFailure: true,
        notes: "Needs a legal route first.",
      },
      fx.adminId,
    ),
    await addTestCase(db, fx.workflowId, {
      name: "Ordinary spec case",
      item,
      expected: { terminalType: "route", team: "legal-team" },
    }),
  ];
  for (const [i, { id }] of added.entries()) {
    await db
      .update(workflowTestCases)
      .set({ createdAt: new Date(NOVEMBER + 2 * 86_400_000 + i * 60_000) })
      .where(eq(workflowTestCases.id, id));
  }
  await db.insert(volumeEpisodes).values({
    id: crypto.randomUUID(),
    workflowId: fx.workflowId,
    action: "escalate",
    windowMinutes: 60,
    peakCount: 48,
    expectedCount: 9.5,
    peakRatio: 5.05,
    startedAt: new Date(NOVEMBER + 86_400_000),
    endedAt: new Date(NOVEMBER + 86_400_000 + 2 * 3_600_000),
  });
});
afterAll(() => database.close());

describe("the monthly review", () => {
  it("reports the month's figures, disagreements with examples, threshold changes with who, and episodes", async () => {
    const review = await monthlyReview(db, { workflowId: fx.workflowId, month: "2026-11", mode: "shadow" });
    expect(review.summary.itemsIn).toBe(30);
    expect(review.summary.accuracy.n).toBeGreaterThan(0);
    // Ten items said legal-team; those the workflow decided itself (not escalated) are all disagreements,
    // split by what it decided instead.
    const legal = review.disagreements.filter((d) => d.actual === "legal-team");
    const decidedLegal = review.summary.accuracy.n - review.summary.accuracy.successes;
    expect(legal.reduce((sum, d) => sum + d.count, 0)).toBeGreaterThanOrEqual(5);
    expect(legal.reduce((sum, d) => sum + d.count, 0)).toBeLessThanOrEqual(Math.min(10, decidedLegal));
    expect(legal[0]!.examples.length).toBe(Math.min(2, legal[0]!.count));
    expect(legal[0]!.examples[0]).toMatch(/^NOV-\d+: \S/);
    expect(review.thresholdChanges).toEqual([
      expect.objectContaining({ nodeId: "classify", from: 0.7, to: 0.75, changedBy: "Ada Admin" }),
    ]);
    expect(review.volumeEpisodes).toHaveLength(1);
    expect(review.refinementPriorities[0]!.share).toBeGreaterThan(0);
    // Edge cases run now against the version in force: open while failing or marked as known failures.
    expect(review.openEdgeCases.map((c) => [c.name, c.status, c.addedBy])).toEqual([
      ["Shadow v1: NOV-0 (legal-team)", "fails", "Ada Admin"],
      ["Known: contract question", "known failure", "Ada Admin"],
    ]);
    expect(review.testCasesAdded.map((c) => [c.name, c.edgeCase, c.addedBy])).toEqual([
      ["Shadow v1: NOV-0 (legal-team)", true, "Ada Admin"],
      ["Known: contract question", true, "Ada Admin"],
      ["Ordinary spec case", false, null],
    ]);

    const markdown = reviewMarkdown(review);
    expect(markdown).toContain("# Support triage: monthly review, November 2026");
    expect(markdown).toMatch(/\| legal-team \| [a-z-]+ \| \d+ \| NOV-\d+: /);
    expect(markdown).toContain(
      "| classify | 0.70 | 0.75 | Ada Admin | Too many billing tickets routed wrong |",
    );
    expect(markdown).toContain("48 in 60 min (5.0×)");
    expect(markdown).toContain("| Shadow v1: NOV-0 (legal-team) | fails | 2026-11-05 | Ada Admin |");
    expect(markdown).toContain("| Ordinary spec case | no | fails | 2026-11-05 | not recorded |");
    const html = reviewBodyHtml(review);
    expect(html).toMatch(/<svg class="trend"[^>]*aria-label="Accuracy and escalation rate by week">/);
    expect(html).toContain("<polyline");
  });

  it("says so, section by section, for a month with nothing in it", async () => {
    const review = await monthlyReview(db, { workflowId: fx.workflowId, month: "2025-02", mode: "live" });
    expect(review.summary.itemsIn).toBe(0);
    expect(review.summary.accuracy.rate).toBeNull();
    const markdown = reviewMarkdown(review);
    expect(markdown).toContain("_No items this month._");
    expect(markdown).toContain("_No disagreement among the labelled items this month._");
    expect(markdown).toContain("_Input volume stayed in band all month._");
    expect(markdown).toContain("_No threshold was changed this month._");
    expect(markdown).toContain("n/a (no labelled decisions)");
    expect(markdown).toContain("_No test case was added this month._");
    const html = reviewBodyHtml(review);
    expect(html).toContain('<p class="empty">No connector call failed and no circuit opened this month.</p>');
    expect(html).not.toContain("<svg");
  });

  it("escapes item text in the page's HTML", async () => {
    const review = await monthlyReview(db, { workflowId: fx.workflowId, month: "2026-11", mode: "shadow" });
    review.disagreements[0]!.examples = ['<img src=x onerror="alert(1)">'];
    const html = reviewBodyHtml(review);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("prints to a valid PDF that carries the month's figures", async () => {
    const review = await monthlyReview(db, { workflowId: fx.workflowId, month: "2026-11", mode: "shadow" });
    const pdf = await reviewPdf(review);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text).toContain("Support triage: monthly review, November 2026");
    expect(text).toContain("Top disagreement patterns");
    expect(text).toContain("legal-team");
    expect(text).toContain("Too many billing tickets routed wrong");
    expect(text).toContain("Open edge cases");
    expect(text).toContain("Shadow v1: NOV-0 (legal-team)");
    expect(text).toContain("Test cases added this month");
    expect(text).toContain("Ordinary spec case");
    expect(text).toContain("Ada Admin");
    expect(text).toContain(`${(review.summary.accuracy.rate! * 100).toFixed(1)}%`);
  }, 60_000);
});

describe("the review export", () => {
  const owner = { id: "u-owner", email: "o@test", name: "Owner", role: "owner" as const };
  const ask = (user: typeof owner | null, format: string | null, month = "2026-11") =>
    exportReviewResponse(db, user, { workflowId: fx.workflowId, month, format });

  it("answers only owners and admins, for a month and a known format", async () => {
    expect((await ask(null, "markdown")).status).toBe(401);
    expect((await ask({ ...owner, role: "reviewer" as never }, "markdown")).status).toBe(403);
    expect((await ask(owner, "docx")).status).toBe(400);
    expect((await ask(owner, "markdown", "November")).status).toBe(400);
    const missing = await exportReviewResponse(db, owner, {
      workflowId: "nope",
      month: "2026-11",
      format: "markdown",
    });
    expect(missing.status).toBe(404);
  });

  it("downloads the Markdown under the workflow's and month's name", async () => {
    const response = await ask(owner, "markdown");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="support-triage-review-2026-11.md"',
    );
    expect(await response.text()).toContain("## Top disagreement patterns");
  });

  it("says what is missing when no browser can print the PDF", async () => {
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    try {
      const response = await ask(owner, "pdf");
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: { code: "PDF_UNAVAILABLE" } });
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
  });
});
