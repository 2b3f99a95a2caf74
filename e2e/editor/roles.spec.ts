import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures/demo-users";
import { canvasNode, createWorkflow } from "./helpers";

test("a reviewer cannot open the editor", async ({ page }) => {
  await signInAs(page, "reviewer");
  await page.goto("/workflows/any-workflow");
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByText("You are signed in as Reviewer")).toBeVisible();
  await expect(page.getByTestId("canvas")).toHaveCount(0);
});

test("an admin can open the editor", async ({ page }) => {
  await signInAs(page, "admin");
  await createWorkflow(page, `Admin ${Date.now()}`);
  await expect(canvasNode(page, "done")).toBeVisible();
  await expect(page.getByTestId("palette")).toBeVisible();
});

test("an unknown workflow gets a clear message, not a crash", async ({ page }) => {
  await signInAs(page, "owner");
  await page.goto("/workflows/does-not-exist");
  await expect(page.getByText("That workflow does not exist (it may have been deleted).")).toBeVisible();
  await expect(page.getByTestId("canvas")).toHaveCount(0);
});
