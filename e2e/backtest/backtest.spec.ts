import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures/demo-users";

/*
 * Needs the demo seed's backtest part (seedDemoHistoryAndBacktest): 120 days of history, criteria v1 with
 * Ada Admin as approver, run #1 of the published version (passed, signed off) and run #2 of the draft
 * (failed on escalation).
 */

async function openDemoBacktests(page: import("@playwright/test").Page) {
  await page.getByRole("link", { name: "Backtests" }).click();
  await expect(page.getByRole("heading", { name: "Backtests" })).toBeVisible();
  await page.getByRole("link", { name: /Support triage/ }).click();
  await expect(page.getByRole("heading", { name: "Backtests · Support triage" })).toBeVisible();
}

test("the owner sees the finished runs, their verdict against the criteria and the confusion matrix", async ({
  page,
}) => {
  await signInAs(page, "owner");
  await openDemoBacktests(page);
  await expect(page.getByRole("heading", { name: "Validation criteria" })).toBeVisible();
  await expect(page.getByText("Ada Admin").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "#1", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "#2", exact: true })).toBeVisible();

  // The latest run (the draft, stricter classifier) fails on escalation: the gate at work.
  const latest = page.getByRole("region", { name: "Latest run" });
  await expect(latest.getByTestId("verdict")).toContainText("Failed 1 of");
  await expect(latest.getByTestId("criterion-maxEscalationRate")).toContainText("Fail");
  await expect(latest.getByTestId("criterion-minAutoAccuracy")).toContainText("Pass");
  const matrix = latest.getByTestId("confusion-matrix");
  await expect(matrix).toBeVisible();
  await expect(matrix.getByRole("rowheader", { name: "billing-team" })).toBeVisible();
  await expect(matrix.getByRole("columnheader", { name: "(escalated)" })).toBeVisible();

  // Run #1, the published version, passed and was signed off by the named approver.
  await page.getByRole("link", { name: "#1", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Run #1" })).toBeVisible();
  await expect(page.getByTestId("verdict")).toContainText("Passed");
  await expect(page.getByTestId("sign-off")).toContainText("Signed off by Ada Admin");
  await expect(page.getByRole("img", { name: /Escalation rate and auto-handled accuracy of/ })).toBeVisible();
  await expect(page.getByTestId("mismatch-list").getByRole("listitem").first()).toBeVisible();
});

test("the owner starts a new run and watches it reach the end", async ({ page }) => {
  await signInAs(page, "owner");
  await openDemoBacktests(page);
  await expect(page.getByLabel("Version")).toHaveValue(/.+/);
  await page.getByRole("button", { name: "Start backtest" }).click();
  await expect(page.getByRole("heading", { name: "Run #3" })).toBeVisible();
  await expect(
    page.getByRole("progressbar", { name: "Backtest progress" }).or(page.getByTestId("verdict")),
  ).toBeVisible();
  await expect(page.getByTestId("verdict")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("Finished", { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("sign-off")).toContainText("waiting for Ada Admin");
});

test("a dataset upload reports its bad rows by line and imports the rest", async ({ page }) => {
  await signInAs(page, "owner");
  await page.getByRole("link", { name: "Datasets" }).click();
  await page.getByRole("link", { name: "Import dataset" }).click();
  const csv = [
    "number,opened_at,category,assignment_group",
    "INC1,29/2/2016 01:16,Category 40,Group 70",
    "INC2,1/3/2016 09:00,Category 41,Group 24",
    "INC3,31/2/2016 10:00,Category 40,Group 70",
    "INC4,2/3/2016 10:00,Category 40",
    "INC5,3/3/2016 11:30,Category 42,?",
    "INC2,4/3/2016 12:00,Category 41,Group 24",
  ].join("\n");
  await page.locator("#dataset-file").setInputFiles({
    name: `incidents-${Date.now()}.csv`,
    mimeType: "text/csv",
    buffer: Buffer.from(`${csv}\n`),
  });
  await expect(page.getByLabel("Item id")).toHaveValue("number");
  await expect(page.getByLabel("Date format")).toHaveValue("day-first");
  await page.getByLabel("Actual outcome").selectOption("assignment_group");
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
  const report = page.getByRole("table").last();
  await expect(report.getByRole("row", { name: /^4 Date not readable/ })).toBeVisible();
  await expect(report.getByRole("row", { name: /^5 Wrong number of columns/ })).toBeVisible();
  await expect(report.getByRole("row", { name: /^6 No actual outcome/ })).toBeVisible();
  await expect(report.getByRole("row", { name: /^7 Duplicate item id/ })).toBeVisible();
});

test("reviewers see no backtest or dataset", async ({ page }) => {
  await signInAs(page, "reviewer");
  await expect(page.getByRole("link", { name: "Backtests" })).toHaveCount(0);
  await page.goto("/backtests");
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await page.goto("/datasets");
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});
