import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures/demo-users";
import { refundItem, triageGraph } from "../fixtures/editor-graphs";
import { SCREENS, canvasNode, createWorkflow, importDocument } from "./helpers";

test.beforeEach(async ({ page }) => {
  await signInAs(page, "owner");
});

test("trying an item lights up its path, and becomes a test case that gates publishing", async ({ page }) => {
  await createWorkflow(page, `Try ${Date.now()}`);
  await importDocument(page, triageGraph());
  await expect(canvasNode(page, "classify")).toBeVisible();

  // Try an item on the unsaved draft: the path lights up and the outcome shows.
  await page.getByRole("tab", { name: "Try it" }).click();
  await page.getByLabel("Item to try").fill(JSON.stringify(refundItem));
  await page.getByRole("button", { name: "Try it" }).click();
  await expect(page.getByTestId("try-outcome")).toContainText("Routed to billing");
  for (const id of ["trigger", "classify", "route_billing"])
    await expect(canvasNode(page, id)).toHaveAttribute("data-visited", "true");
  await expect(canvasNode(page, "route_tech")).not.toHaveAttribute("data-visited", "true");
  await expect(page.locator(".switchboard-edge-taken")).toHaveCount(2);
  await expect(canvasNode(page, "classify").getByTestId("trace-footer")).toContainText("took “billing”");
  await page.screenshot({ path: `${SCREENS}/try-path.png` });

  // One click turns it into a spec test case with the actual outcome as the expectation.
  await page.getByRole("button", { name: "Save as test case" }).click();
  await page.getByLabel("Name").fill("Tried: refund goes to billing");
  await page.getByRole("button", { name: "Add test case" }).click();
  await expect(page.getByText("Added “Tried: refund goes to billing”")).toBeVisible();

  // Add a case by hand that the graph gets wrong.
  await page.getByRole("tab", { name: "Test cases" }).click();
  await expect(page.getByTestId("test-case-row")).toHaveCount(2);
  await page.getByRole("button", { name: "Add test case" }).click();
  await page.getByLabel("Name").fill("A crash report goes to billing");
  await page.getByLabel("Item (JSON)").fill(
    JSON.stringify({
      id: "T-2",
      text: "The app shows an error and crashes",
      occurred_at: "2026-01-05T10:00:00Z",
    }),
  );
  await page.getByLabel("Team").fill("billing");
  await page.getByLabel("Edge case").check();
  await page.getByLabel("Notes").fill("Deliberately wrong, to see publishing refused");
  await page.getByRole("button", { name: "Add test case" }).click();
  await expect(page.getByTestId("test-case-row")).toHaveCount(3);

  await page.getByRole("button", { name: "Run all" }).click();
  await expect(page.getByTestId("test-summary")).toContainText("2 passed");
  await expect(page.getByTestId("test-summary")).toContainText("1 failed");
  await expect(page.getByTestId("mismatches")).toContainText('team: expected "billing", got "tech"');
  await page.screenshot({ path: `${SCREENS}/test-cases.png` });

  // Publishing is refused with the server's reason while the case fails.
  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("publish-error")).toContainText("1 test case fails");
  await page.keyboard.press("Escape");

  // Marked as a known failure, it no longer blocks.
  await page.getByRole("button", { name: "Edit A crash report goes to billing" }).click();
  await page.getByLabel("Known failure").check();
  await page.getByRole("button", { name: "Save test case" }).click();
  await expect(page.getByText("Saved “A crash report goes to billing”")).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("published-version")).toHaveText("Published v2");

  // The map lists the edge case with its notes, and derives the rest from the graph.
  await page.getByRole("tab", { name: "Map" }).click();
  await expect(page.getByTestId("map-edge-cases")).toContainText(
    "Deliberately wrong, to see publishing refused",
  );
  await expect(page.getByTestId("map-decisions")).toContainText("threshold 0.70");
  await expect(page.getByTestId("map-people")).toContainText("triage");
  await page.getByLabel("Map notes").fill("Tech owns crash reports out of hours.");
  await page.getByRole("button", { name: "Save notes" }).click();
  await expect(page.getByText("Notes saved")).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/map.png` });
  await page.reload();
  await expect(page.getByLabel("Map notes")).toHaveValue("Tech owns crash reports out of hours.");
});
