import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAs, type DemoRole } from "../fixtures/demo-users";
import { isCall, openTaskId, showTasksWithSuggestion, taskList } from "./helpers";

async function inboxAs(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signInAs(page, role);
  await page.goto("/inbox");
  await expect(taskList(page).locator("li").first()).toBeVisible();
  return page;
}

/** Both open the same task; the reviewer's browser picks it. */
async function bothOpenOneTask(rita: Page, ada: Page): Promise<string> {
  await showTasksWithSuggestion(rita);
  const taskId = await openTaskId(rita);
  await taskList(ada).locator(`li[data-task-id="${taskId}"]`).getByRole("button").click();
  expect(await openTaskId(ada)).toBe(taskId);
  return taskId;
}

test("two people decide the same task at once: one decision is stored, the other is told who decided", async ({
  browser,
}) => {
  const rita = await inboxAs(browser, "reviewer");
  const ada = await inboxAs(browser, "admin");
  await bothOpenOneTask(rita, ada);

  const [stored] = await Promise.all([
    rita.waitForResponse((r) => isCall(r, "reviews.decide")),
    rita.keyboard.press("a"),
  ]);
  expect(stored.ok()).toBe(true);

  // Ada still has the task open and approves it too: she is told that Rita already decided it.
  await ada.keyboard.press("a");
  await expect(ada.getByTestId("task-banner")).toContainText("Already decided by Rita Reviewer");
  await expect(ada.getByRole("button", { name: "Approve", exact: true })).toBeDisabled();
});

test("two people claim the same task: the second is told who holds it and cannot decide it", async ({
  browser,
}) => {
  const rita = await inboxAs(browser, "reviewer");
  const ada = await inboxAs(browser, "admin");
  const taskId = await bothOpenOneTask(rita, ada);

  const [claimed] = await Promise.all([
    rita.waitForResponse((r) => isCall(r, "reviews.claim")),
    rita.keyboard.press("c"),
  ]);
  expect(claimed.ok()).toBe(true);
  await expect(rita.getByRole("button", { name: "Release" })).toBeVisible();

  const [refused] = await Promise.all([
    ada.waitForResponse((r) => isCall(r, "reviews.claim")),
    ada.keyboard.press("c"),
  ]);
  expect(refused.status()).toBe(409);
  await expect(ada.getByTestId("task-banner")).toHaveText(
    "Claimed by Rita Reviewer: only they can decide it until they release it.",
  );
  await expect(ada.getByRole("button", { name: "Approve", exact: true })).toBeDisabled();
  await expect(taskList(ada).locator(`li[data-task-id="${taskId}"]`)).toContainText(
    "Claimed by Rita Reviewer",
  );

  const [decided] = await Promise.all([
    rita.waitForResponse((r) => isCall(r, "reviews.decide")),
    rita.keyboard.press("a"),
  ]);
  expect(decided.ok()).toBe(true);
});
