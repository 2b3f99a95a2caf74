import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../fixtures/demo-users";

/*
 * Needs the demo seed as it starts: the support-triage workflow nine days in shadow with reported outcomes,
 * its baseline recorded as it entered shadow, and a flood three days ago that the volume guard caught and
 * cleared (seedDemoMonitoring), with an admin's threshold change two days ago.
 */

const floodMonth = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 7);

async function openMonitoringTab(page: Page) {
  await page.goto("/workflows");
  await page.getByRole("link", { name: /Support triage/ }).click();
  await page.getByRole("tab", { name: "Monitoring" }).click();
  await expect(page).toHaveURL(/tab=monitoring/);
  await expect(page.getByTestId("monitoring-tab")).toBeVisible();
}

async function workflowId(page: Page): Promise<string> {
  const match = /\/workflows\/([^/?]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`not on a workflow page: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

test("the owner watches the workflow against its baseline, per day and per week", async ({ page }) => {
  await signInAs(page, "owner");
  await openMonitoringTab(page);
  // The seeded figures are the shadow run's (the lifecycle spec may have cut over to live meanwhile).
  await page.getByTestId("range-shadow").click();

  // Shadow as seeded; live once the lifecycle spec has cut over (specs share one demo workspace).
  await expect(page.getByTestId("baseline-line")).toContainText(/as it entered (shadow|live)/);
  await expect(page.getByTestId("figure-accuracy")).toContainText("95% CI");
  await expect(page.getByTestId("figure-accuracy")).toContainText("Baseline");
  await expect(page.getByTestId("flags-panel")).toContainText("Volume episode");
  for (const chart of [
    "chart-volume",
    "chart-rates",
    "chart-accuracy",
    "chart-escalation-reasons",
    "chart-latency",
    "chart-label-volume",
    "chart-label-accuracy",
  ]) {
    await expect(page.getByTestId(chart).locator("svg.recharts-surface").first()).toBeVisible();
  }
  await expect(page.getByTestId("chart-label-accuracy")).toContainText("billing-team");
  await expect(page.getByTestId("label-table")).toContainText("billing-team");
  await expect(page.getByTestId("node-view")).toContainText("classify");
  // The seeded CRM outage: the real breaker's recorded changes, charted per day and as a state strip.
  const connectorHealth = page.getByTestId("connector-health-chart");
  await expect(connectorHealth).toContainText("CRM");
  await expect(connectorHealth.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(connectorHealth.getByTestId("circuit-strip")).toHaveAttribute(
    "aria-label",
    /circuit open from/,
  );
  await expect(page.getByTestId("circuit-changes")).toContainText("half-open → closed");
  await expect(page.getByTestId("monitoring-settings").getByRole("button", { name: "Save" })).toHaveCount(0);
  // The tab scrolls inside the editor's frame: a tall viewport shows all of it in one screenshot.
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.screenshot({ path: "/tmp/monitoring-tab.png", fullPage: true });

  await page.getByTestId("range-90d").click();
  await expect(page.getByTestId("range-week")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("chart-volume")).toContainText("wk ");
  await page.screenshot({ path: "/tmp/monitoring-tab-weekly.png", fullPage: true });
});

test("the admin sees every watched workflow, the volume alerts, and may change the bands", async ({
  page,
}) => {
  await signInAs(page, "admin");
  await page.getByRole("link", { name: /^Monitoring/ }).click();
  await expect(page.getByRole("heading", { name: "Monitoring" })).toBeVisible();
  await expect(page.getByTestId("overview-row")).toHaveCount(1);
  await expect(page.getByTestId("overview-row")).toContainText("Support triage");
  const alerts = page.getByTestId("monitoring-alerts");
  await expect(alerts).toContainText("input volume out of band");
  await expect(alerts).toContainText("input volume back in band");
  await page.screenshot({ path: "/tmp/monitoring-overview.png", fullPage: true });

  await page.getByRole("link", { name: "Support triage" }).click();
  await expect(page.getByTestId("monitoring-tab")).toBeVisible();
  const settings = page.getByTestId("monitoring-settings");
  await settings.getByLabel("Accuracy may drop by").fill("4");
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Monitoring settings saved")).toBeVisible();
  await expect(settings.getByLabel("Accuracy may drop by")).toHaveValue("4");
});

test("the monthly review prints, and exports as Markdown and PDF", async ({ page }) => {
  await signInAs(page, "owner");
  await openMonitoringTab(page);
  const id = await workflowId(page);
  await page.goto(`/reviews/${encodeURIComponent(id)}/${floodMonth}`);
  const review = page.getByTestId("monthly-review");
  await expect(review.getByRole("heading", { level: 1 })).toContainText("Support triage: monthly review");
  await expect(review.getByRole("heading", { name: "Performance against baseline" })).toBeVisible();
  await expect(review.locator("#volume")).toContainText("escalated every item");
  await expect(review.locator("#refinement tbody tr").first()).toBeVisible();
  // The edge case the owner took from a shadow disagreement: a known failure still open, with who added it.
  await expect(review.locator("#edge-cases")).toContainText("Oscar Owner");
  await expect(review.locator("#edge-cases tbody tr").first()).toContainText("known failure");
  await page.screenshot({ path: "/tmp/monitoring-review.png", fullPage: true });
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await page.screenshot({ path: "/tmp/monitoring-review-print.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });

  const markdown = await page.request.get(
    `/api/monitoring/reviews/${encodeURIComponent(id)}/${floodMonth}?format=markdown`,
  );
  expect(markdown.status()).toBe(200);
  const text = await markdown.text();
  expect(text).toContain("## Volume episodes");
  expect(text).toContain("## Refinement priorities");

  const pdf = await page.request.get(
    `/api/monitoring/reviews/${encodeURIComponent(id)}/${floodMonth}?format=pdf`,
  );
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
});

test("a month with nothing in it says so in every section", async ({ page }) => {
  await signInAs(page, "owner");
  await openMonitoringTab(page);
  const id = await workflowId(page);
  await page.goto(`/reviews/${encodeURIComponent(id)}/2020-01`);
  const review = page.getByTestId("monthly-review");
  await expect(review).toContainText("No items this month.");
  await expect(review).toContainText("No threshold was changed this month.");
  await expect(review).toContainText("Input volume stayed in band all month.");
  await page.screenshot({ path: "/tmp/monitoring-review-empty.png", fullPage: true });
});
