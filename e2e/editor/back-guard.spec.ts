import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../fixtures/demo-users";
import { createWorkflow, saveDraft } from "./helpers";

// history.back() from the page, rather than page.goBack(): the guard turns one traversal into two, and the
// test waits on what the user sees, not on Playwright's idea of when the navigation ended.
const pressBack = (page: Page) => page.evaluate(() => window.history.back());
const leaveDialog = (page: Page) => page.getByRole("dialog", { name: "Leave without saving?" });

test.beforeEach(async ({ page }) => {
  await signInAs(page, "owner");
});

test("Back with unsaved changes asks first, keeps the tab on Stay, and leaves on confirm", async ({
  page,
}) => {
  const id = await createWorkflow(page, `Back ${Date.now()}`);
  await page.getByTestId("palette-end").click();
  await expect(page.getByTestId("save-state")).toHaveText("Unsaved changes");
  await page.getByRole("tab", { name: "Map" }).click();
  await expect(page).toHaveURL(new RegExp(`/workflows/${id}\\?tab=map$`));

  await pressBack(page);
  await expect(leaveDialog(page)).toBeVisible();
  await page.getByRole("button", { name: "Stay" }).click();
  await expect(leaveDialog(page)).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/workflows/${id}\\?tab=map$`));
  await expect(page.getByRole("tab", { name: "Map" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("save-state")).toHaveText("Unsaved changes");

  await pressBack(page);
  await page.getByRole("button", { name: "Leave and discard" }).click();
  await expect(page).toHaveURL(/\/workflows$/);
  await expect(leaveDialog(page)).toBeHidden();
});

test("Back without unsaved changes, or once they are saved, leaves in one press", async ({ page }) => {
  await createWorkflow(page, `Clean ${Date.now()}`);
  await page.getByRole("tab", { name: "Map" }).click();
  await pressBack(page);
  await expect(page).toHaveURL(/\/workflows$/);
  await expect(leaveDialog(page)).toBeHidden();

  const id = await createWorkflow(page, `Saved ${Date.now()}`);
  await page.getByTestId("palette-end").click();
  await saveDraft(page, "one more end");
  await page.getByRole("tab", { name: "Test cases" }).click();
  await expect(page).toHaveURL(new RegExp(`/workflows/${id}\\?tab=tests$`));
  await pressBack(page);
  await expect(page).toHaveURL(/\/workflows$/);
  await expect(leaveDialog(page)).toBeHidden();
});

test("a link followed after confirming replaces the guard's entry, so Back returns to the editor", async ({
  page,
}) => {
  const id = await createWorkflow(page, `Link ${Date.now()}`);
  await page.getByTestId("palette-end").click();
  await page.getByRole("link", { name: "Back to workflows" }).click();
  await page.getByRole("button", { name: "Leave and discard" }).click();
  await expect(page).toHaveURL(/\/workflows$/);
  await pressBack(page);
  await expect(page).toHaveURL(new RegExp(`/workflows/${id}$`));
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
});
