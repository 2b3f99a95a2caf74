import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures/demo-users";

test("the sign-in page lists the demo accounts", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Demo workspace" })).toBeVisible();
  await expect(page.getByText("admin@demo.switchboard.dev")).toBeVisible();
});

test("a wrong password gets a clear message that does not say which field was wrong", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("owner@demo.switchboard.dev");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText(
    "That email and password do not match an account.",
  );
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("the admin signs in and manages users", async ({ page }) => {
  await signInAs(page, "admin");
  await expect(page.getByTestId("current-role")).toHaveText("Admin");
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "reviewer@demo.switchboard.dev" })).toBeVisible();
  await expect(page.getByLabel("Role of Rita Reviewer")).toHaveValue("reviewer");
});

test("the owner signs in and sees the workflow list", async ({ page }) => {
  await signInAs(page, "owner");
  await expect(page.getByTestId("current-role")).toHaveText("Process owner");
  await expect(page.getByRole("heading", { name: "Workflows" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Support triage/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
});

test("the reviewer is refused the users page with a clear page, not a crash", async ({ page }) => {
  await signInAs(page, "reviewer");
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByText("You are signed in as Reviewer")).toBeVisible();
});
