import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures/demo-users";
import { SCREENS, canvasNode, canvasNodes, createWorkflow, mod, saveDraft } from "./helpers";

test.beforeEach(async ({ page }) => {
  await signInAs(page, "owner");
});

test("versions: save with a note, history, compare, open read-only, publish and roll back", async ({
  page,
}) => {
  await createWorkflow(page, `Versions ${Date.now()}`);

  // v2: the end node replaced by a route (wired through the keyboard-friendly outputs list), the trigger renamed.
  await canvasNode(page, "done").click();
  await page.keyboard.press("Delete");
  await page.getByTestId("palette-route").click();
  await expect(canvasNode(page, "route")).toBeVisible();
  await page.getByLabel("Team").fill("support");
  await canvasNode(page, "trigger").click();
  await page.getByLabel("Name", { exact: true }).fill("Incoming ticket");
  await page.getByLabel("Item leads to").selectOption("route");
  await page.getByRole("tab", { name: /Problems/ }).click();
  await expect(page.getByTestId("problems-panel")).toContainText("No problems");
  await expect(page.getByText("Unsaved changes")).toBeVisible();
  await saveDraft(page, "Route everything to support");

  await page.getByRole("tab", { name: "History" }).click();
  await expect(page.getByTestId("version-row-2")).toContainText("Route everything to support");
  await expect(page.getByTestId("version-row-2")).toContainText("Oscar Owner");
  await expect(page.getByTestId("version-row-1")).toBeVisible();

  // Compare v1 → v2 on the canvas.
  await page.getByRole("button", { name: /^Compare v1/ }).click();
  await expect(page.getByTestId("compare-view")).toBeVisible();
  await expect(canvasNode(page, "route")).toHaveAttribute("data-diff", "added");
  await expect(canvasNode(page, "done")).toHaveAttribute("data-diff", "removed");
  await expect(canvasNode(page, "trigger")).toHaveAttribute("data-diff", "changed");
  await expect(page.getByTestId("change-list")).toContainText('name: "New item" → "Incoming ticket"');
  await page.screenshot({ path: `${SCREENS}/compare.png` });
  await page.getByRole("button", { name: "History" }).click();

  // Open v1 read-only: no palette, nothing editable.
  await page.getByRole("button", { name: "Open version 1" }).click();
  await expect(page.getByTestId("version-view")).toContainText("Version 1, read-only");
  await expect(page.getByTestId("palette")).toHaveCount(0);
  await expect(canvasNodes(page)).toHaveCount(2);
  await canvasNode(page, "done").click();
  await expect(page.getByLabel("Name", { exact: true })).toBeDisabled();
  await page.getByRole("button", { name: "History" }).click();

  // Publish v2, then roll back by publishing v1.
  await page.getByRole("button", { name: "Publish version 2" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("published-version")).toHaveText("Published v2");
  await page.getByRole("button", { name: "Roll back to version 1" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Roll back" }).click();
  await expect(page.getByTestId("published-version")).toHaveText("Published v1");
  await expect(page.getByTestId("version-row-1")).toContainText("Published");
  await page.screenshot({ path: `${SCREENS}/history.png` });
});

test("export then import the graph with its test cases; an invalid file says what is wrong", async ({
  page,
}) => {
  await createWorkflow(page, `Export ${Date.now()}`);
  await page.getByRole("tab", { name: "Test cases" }).click();
  await page.getByRole("button", { name: "Add test case" }).click();
  await page.getByLabel("Name").fill("Everything ends");
  await page
    .getByLabel("Item (JSON)")
    .fill(JSON.stringify({ id: "1", text: "hi", occurred_at: "2026-01-01T00:00:00Z" }));
  await page.getByLabel("Outcome").selectOption("end");
  await page.getByRole("button", { name: "Add test case" }).click();
  await expect(page.getByTestId("test-case-row")).toHaveCount(1);
  await page.getByRole("tab", { name: "Canvas" }).click();

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export" }).click();
  const download = await downloading;
  const document = JSON.parse(await readFile((await download.path())!, "utf8")) as {
    nodes: unknown[];
    testCases: { name: string }[];
  };
  expect(document.nodes).toHaveLength(2);
  expect(document.testCases.map((c) => c.name)).toEqual(["Everything ends"]);

  // Into a new workflow: the graph becomes a draft and the test cases come along.
  await createWorkflow(page, `Import ${Date.now()}`);
  await page.getByTestId("import-file").setInputFiles({
    name: "export.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(document)),
  });
  await expect(page.getByRole("dialog")).toContainText("2 nodes, 1 edges and 1 test cases");
  await page.getByRole("button", { name: "Import as new draft" }).click();
  await expect(page.getByTestId("draft-version")).toHaveText("Draft v2");
  await page.getByRole("tab", { name: "Test cases" }).click();
  await expect(page.getByTestId("test-case-row")).toContainText("Everything ends");

  // A broken file is refused with a list of what is wrong.
  await page.getByTestId("import-file").setInputFiles({
    name: "broken.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ schemaVersion: 1, nodes: [{ id: "9lives", type: "end" }] })),
  });
  await expect(page.getByRole("dialog")).toContainText("This file cannot be imported");
  await expect(page.getByTestId("import-problems")).toContainText("nodes.0.id: use letters");
  await expect(page.getByTestId("import-problems")).toContainText("edges:");
  await page
    .getByTestId("import-file")
    .setInputFiles({ name: "not-json.json", mimeType: "application/json", buffer: Buffer.from("{ nope") });
  await expect(page.getByTestId("import-problems")).toContainText("The file is not JSON");
});

test("a second owner saving the same draft gets the conflict, never a silent overwrite", async ({
  page,
  browser,
}) => {
  const id = await createWorkflow(page, `Conflict ${Date.now()}`);
  const other = await browser.newPage();
  await signInAs(other, "owner");
  await other.goto(`/workflows/${id}`);
  await expect(canvasNode(other, "trigger")).toBeVisible();

  await canvasNode(page, "done").click();
  await page.getByLabel("Name", { exact: true }).fill("Mine");
  await saveDraft(page, "first");

  await canvasNode(other, "done").click();
  await other.getByLabel("Name", { exact: true }).fill("Theirs");
  await other.keyboard.press(`${mod}+s`);
  await other.getByRole("button", { name: "Save draft" }).click();
  const conflict = other.getByRole("dialog", { name: "Someone else saved this workflow" });
  await expect(conflict).toContainText("saved version 2 after you opened version 1");
  await conflict.getByRole("button", { name: "Save as new draft" }).click();
  await expect(other.getByTestId("draft-version")).toHaveText("Draft v3");
  await expect(other.getByTestId("save-state")).toHaveText("All changes saved");
  await other.close();
});

test("leaving with unsaved changes asks first", async ({ page }) => {
  await createWorkflow(page, `Leave ${Date.now()}`);
  await page.getByTestId("palette-end").click();
  await expect(page.getByTestId("save-state")).toHaveText("Unsaved changes");
  await page.getByRole("link", { name: "Back to workflows" }).click();
  await expect(page.getByRole("dialog", { name: "Leave without saving?" })).toBeVisible();
  await page.getByRole("button", { name: "Stay" }).click();
  await expect(page).toHaveURL(/\/workflows\/[^/]+$/);
  await page.getByRole("link", { name: "Back to workflows" }).click();
  await page.getByRole("button", { name: "Leave and discard" }).click();
  await expect(page).toHaveURL(/\/workflows$/);
});
