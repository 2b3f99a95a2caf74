import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures/demo-users";

/*
 * Needs the demo seed as it starts: the support-triage workflow in draft, its published version 1 backtested
 * and signed off by Ada Admin (seedDemoHistoryAndBacktest), no spec case marked as an edge case yet.
 */

async function openOverview(page: import("@playwright/test").Page) {
  await page.goto("/workflows");
  await page.getByRole("link", { name: /Support triage/ }).click();
  await page.getByRole("tab", { name: "Overview" }).click();
  await expect(page).toHaveURL(/tab=overview/);
  await expect(page.getByTestId("overview-tab")).toBeVisible();
}

test("the owner sees the stage, the readiness checklist and the one next action", async ({ page }) => {
  await signInAs(page, "owner");
  await openOverview(page);

  await expect(page.getByTestId("lifecycle-stage")).toHaveText("Draft");
  await expect(page.getByTestId("stage-stepper").locator('[aria-current="step"]')).toContainText("Draft");

  const checklist = page.getByTestId("readiness-checklist");
  await expect(checklist.getByRole("listitem")).toHaveCount(7);
  await expect(checklist.getByTestId("readiness-mapped")).toHaveAttribute("data-state", "todo");
  await expect(checklist.getByTestId("readiness-mapped")).toContainText("edge cases");
  await expect(checklist.getByTestId("readiness-integrations")).toHaveAttribute("data-state", "done");
  await expect(checklist.getByTestId("readiness-tree")).toHaveAttribute("data-state", "done");
  await expect(checklist.getByTestId("readiness-escalations")).toHaveAttribute("data-state", "done");
  await expect(checklist.getByTestId("readiness-backtest")).toHaveAttribute("data-state", "done");
  await expect(checklist.getByTestId("readiness-backtest")).toContainText("signed off by Ada Admin");
  await expect(checklist.getByTestId("readiness-monitoring")).toContainText("recorded at cut-over");

  const next = page.getByTestId("next-action");
  await expect(next.getByRole("heading", { name: "Complete the map" })).toBeVisible();
  await expect(page.getByTestId("shadow-report")).toContainText("No version is in shadow");
  await expect(page.getByTestId("stage-history")).toContainText("No lifecycle act yet.");
  await page.screenshot({ path: "/tmp/lifecycle.png" });

  // The step's link opens where it is done: the Map tab of the same page.
  await checklist.getByTestId("readiness-mapped").getByRole("link").click();
  await expect(page.getByRole("tab", { name: "Map" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("map-edge-cases")).toBeVisible();
});

test("marking the workflow validated is a confirmed, audited act", async ({ page }) => {
  await signInAs(page, "owner");
  await openOverview(page);
  // A cut-over is not offered from draft; the legal act is.
  const actions = page.getByTestId("lifecycle-actions");
  await expect(actions.getByRole("button", { name: "Cut over to live" })).toHaveCount(0);
  await actions.getByRole("button", { name: "Mark validated" }).click();

  const dialog = page.getByRole("dialog", { name: "Mark as validated" });
  await expect(dialog.getByLabel("Reason (optional)")).toBeFocused();
  await dialog.getByLabel("Reason (optional)").fill("Backtest reviewed with the support leads");
  await dialog.getByRole("button", { name: "Mark validated" }).click();
  await expect(dialog).toHaveCount(0);

  await expect(page.getByTestId("lifecycle-stage")).toHaveText("Validated");
  await expect(page.getByTestId("stage-history")).toContainText("Oscar Owner");
  await expect(page.getByTestId("stage-history")).toContainText("Backtest reviewed with the support leads");
  await expect(actions.getByRole("button", { name: "Start shadow" })).toBeVisible();
  await page.screenshot({ path: "/tmp/lifecycle-validated.png" });
});
