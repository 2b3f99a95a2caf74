import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures/demo-users";

/*
 * Needs the demo seed as it starts: the support-triage workflow validated on its signed-off backtest and
 * nine days in shadow, with reported outcomes (seedDemoLifecycle), and one edge case the owner took from a
 * shadow disagreement (seedDemoTestCaseHistory), so the map is complete.
 */

async function openOverview(page: import("@playwright/test").Page) {
  await page.goto("/workflows");
  await page.getByRole("link", { name: /Support triage/ }).click();
  await page.getByRole("tab", { name: "Overview" }).click();
  await expect(page).toHaveURL(/tab=overview/);
  await expect(page.getByTestId("overview-tab")).toBeVisible();
}

test("the owner sees the stage, the readiness checklist and the shadow report", async ({ page }) => {
  await signInAs(page, "owner");
  await openOverview(page);

  await expect(page.getByTestId("lifecycle-stage")).toHaveText("Shadow");
  await expect(page.getByTestId("stage-stepper").locator('[aria-current="step"]')).toContainText("Shadow");

  const checklist = page.getByTestId("readiness-checklist");
  await expect(checklist.getByRole("listitem")).toHaveCount(7);
  await expect(checklist.getByTestId("readiness-mapped")).toHaveAttribute("data-state", "done");
  await expect(checklist.getByTestId("readiness-mapped")).toContainText("1 edge case");
  await expect(checklist.getByTestId("readiness-integrations")).toHaveAttribute("data-state", "done");
  await expect(checklist.getByTestId("readiness-tree")).toHaveAttribute("data-state", "done");
  await expect(checklist.getByTestId("readiness-backtest")).toContainText("signed off by Ada Admin");
  await expect(checklist.getByTestId("readiness-shadow")).toHaveAttribute("data-state", "done");

  const report = page.getByTestId("shadow-report");
  await expect(report).toContainText("Agreement");
  await expect(report).toContainText("billing-team");
  await expect(page.getByTestId("stage-history")).toContainText("Backtest reviewed with the support leads");
  await expect(page.getByTestId("stage-history")).toContainText("Oscar Owner");
  await page.screenshot({ path: "/tmp/lifecycle.png", fullPage: true });

  // The step's link opens where it is done: the Map tab of the same page.
  await checklist.getByTestId("readiness-mapped").getByRole("link").click();
  await expect(page.getByRole("tab", { name: "Map" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("map-edge-cases")).toBeVisible();
});

test("cutting over at a canary percentage is a confirmed, audited act", async ({ page }) => {
  await signInAs(page, "owner");
  await openOverview(page);
  const actions = page.getByTestId("lifecycle-actions");
  await actions.getByRole("button", { name: "Cut over to live" }).click();

  const dialog = page.getByRole("dialog", { name: "Cut over to live" });
  await dialog.getByText("10% of items").click();
  await dialog.getByLabel("Reason (optional)").fill("Nine days of shadow met the criteria");
  await dialog.getByRole("button", { name: "Cut over" }).click();
  await expect(dialog).toHaveCount(0);

  await expect(page.getByTestId("lifecycle-stage")).toHaveText("Live");
  await expect(page.getByTestId("canary-controls")).toBeVisible();
  await expect(page.getByTestId("stage-history")).toContainText("Nine days of shadow met the criteria");
  await page.screenshot({ path: "/tmp/lifecycle-live.png", fullPage: true });
});
