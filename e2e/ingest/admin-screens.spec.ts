import path from "node:path";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures/demo-users";

/*
 * The runtime's admin screens as a new admin meets them: dead letters (empty at first), API keys, and a
 * CSV upload of tickets to the demo workflow with one bad row reported by row and field.
 */
test("dead letters and API keys have clear empty and listed states", async ({ page }) => {
  await signInAs(page, "admin");
  await page.getByRole("link", { name: "Dead letters" }).click();
  await expect(page.getByText(/Nothing failed/)).toBeVisible();
  await page.screenshot({ path: "/tmp/dead-letters.png" });
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();
  await page.screenshot({ path: "/tmp/api-keys.png" });
});

test("a CSV of tickets uploads in chunks and reports the bad row", async ({ page }) => {
  const csv = [
    "ticket_id,subject,body,customer_tier,channel,created_at",
    "CSV-1,Refund,I was charged twice for my invoice,pro,email,2026-11-20T09:00:00Z",
    "CSV-2,Login,I cannot sign in since the update,free,chat,2026-11-20T09:05:00Z",
    "CSV-3,Broken,This row has a bad channel,pro,fax,2026-11-20T09:10:00Z",
  ].join("\n");
  const file = path.join(tmpdir(), `tickets-${Date.now()}.csv`);
  writeFileSync(file, csv);

  await signInAs(page, "owner");
  await page.goto("/workflows");
  await page.getByRole("link", { name: /Support triage/ }).click();
  await page.getByRole("tab", { name: "Items" }).click();
  await page.getByRole("button", { name: "Upload CSV" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.locator('input[type="file"]').setInputFiles(file);
  await page.screenshot({ path: "/tmp/upload-preview.png" });
  await dialog.getByRole("button", { name: "Upload 3 rows" }).click();
  const summary = dialog.getByTestId("upload-summary");
  await expect(summary).toContainText("Accepted2", { timeout: 20_000 });
  await expect(summary).toContainText("Rejected1");
  await expect(dialog.getByText(/channel/).first()).toBeVisible();
  await page.screenshot({ path: "/tmp/upload-report.png" });
});
