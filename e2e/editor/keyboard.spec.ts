import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures/demo-users";
import { SCREENS, canvasNode, canvasNodes, createWorkflow, mod } from "./helpers";

test.beforeEach(async ({ page }) => {
  await signInAs(page, "owner");
});

test("select several, copy, duplicate, and paste into another workflow, from the keyboard", async ({
  page,
}) => {
  await createWorkflow(page, `Copy from ${Date.now()}`);

  // Palette search from the keyboard: "/" focuses it, Enter adds the node in the middle of the view.
  await page.getByTestId("canvas").click({ position: { x: 30, y: 300 } });
  await page.keyboard.press("/");
  await page.keyboard.type("route");
  await page.keyboard.press("Enter");
  await expect(canvasNode(page, "route")).toBeVisible();
  await page.getByLabel("Team").fill("copied-team");
  await expect(canvasNode(page, "route")).toContainText("→ copied-team");

  // Shift-click adds to the selection.
  await canvasNode(page, "trigger").click();
  await canvasNode(page, "route").click({ modifiers: ["Shift"] });
  await expect(page.getByText("2 nodes selected")).toBeVisible();

  // Box selection over the whole canvas.
  await page.keyboard.press("Escape");
  const box = (await page.getByTestId("canvas").boundingBox())!;
  await page.mouse.move(box.x + 6, box.y + box.height - 6);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width - 6, box.y + 60, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByText("3 nodes selected")).toBeVisible();

  // Duplicate, then undo it.
  await page.keyboard.press(`${mod}+d`);
  await expect(canvasNodes(page)).toHaveCount(6);
  await page.keyboard.press(`${mod}+z`);
  await expect(canvasNodes(page)).toHaveCount(3);

  // Copy the route alone and paste it into a second workflow.
  await page.keyboard.press("Escape");
  await canvasNode(page, "route").click();
  await page.keyboard.press(`${mod}+c`);
  await expect(page.getByText("Copied 1 node")).toBeVisible();
  await page.keyboard.press(`${mod}+s`);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");

  await createWorkflow(page, `Paste into ${Date.now()}`);
  await page.getByTestId("canvas").click({ position: { x: 30, y: 300 } });
  await page.keyboard.press(`${mod}+v`);
  await expect(page.getByText("Pasted 1 node")).toBeVisible();
  await expect(canvasNode(page, "route")).toContainText("→ copied-team");
  await expect(canvasNodes(page)).toHaveCount(3);

  // The shortcut sheet lists the keys.
  await page.keyboard.press("?");
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(sheet).toContainText("Undo");
  await expect(sheet).toContainText("Auto-layout left to right");
  await page.screenshot({ path: `${SCREENS}/shortcuts.png` });
  await page.keyboard.press("Escape");
  await expect(sheet).toHaveCount(0);
});
