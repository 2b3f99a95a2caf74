import { expect, type Page, type Response } from "@playwright/test";

/** The tRPC batch link calls `/api/trpc/<path>?batch=1…`. */
export function isCall(response: Response, path: string): boolean {
  return new URL(response.url()).pathname.split("/").pop()?.split(",").includes(path) ?? false;
}

/** Shows only tasks that have a suggested outcome (so `a` can approve them), and waits for that list. */
export async function showTasksWithSuggestion(page: Page) {
  const filter = page.getByLabel("Suggested label");
  await Promise.all([
    page.waitForResponse(
      (r) => isCall(r, "reviews.list") && decodeURIComponent(r.url()).includes("(with a suggestion)"),
    ),
    filter.selectOption("(with a suggestion)"),
  ]);
  // Give the keyboard back to the page: single-key shortcuts are off while a form control has focus.
  await filter.blur();
}

export function taskList(page: Page) {
  return page.getByTestId("task-list");
}

/** The id of the task shown in the detail pane, once it is the one selected in the list. */
export async function openTaskId(page: Page): Promise<string> {
  const selected = taskList(page).locator('li[data-selected="true"]');
  await expect(selected).toHaveCount(1);
  const id = (await selected.getAttribute("data-task-id"))!;
  await expect(page.getByTestId("task-detail")).toHaveAttribute("data-task-id", id);
  return id;
}
