import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures/demo-users";
import { taskList } from "./helpers";

test("a ticket body with markup is shown as text, and nothing in it runs", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signInAs(page, "reviewer");
  // The demo seed carries one such ticket, as real inboxes do.
  await taskList(page)
    .getByRole("button", { name: /Strange characters in my email signature/ })
    .click();
  const detail = page.getByTestId("task-detail");
  const text = page.getByTestId("item-text");
  await expect(text).toContainText("<img src=x onerror=alert(1)>");
  await expect(text).toContainText("<script>alert(1)</script>");
  await expect(detail.locator("img")).toHaveCount(0);
  await expect(detail.locator("script")).toHaveCount(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(
    await page.evaluate(
      () => [...document.scripts].filter((s) => s.textContent?.includes("alert(1)")).length,
    ),
  ).toBe(0);
  expect(dialogs).toEqual([]);
});
