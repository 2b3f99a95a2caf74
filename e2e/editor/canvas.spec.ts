import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures/demo-users";
import {
  SCREENS,
  canvasEdges,
  canvasNode,
  canvasNodes,
  connect,
  createWorkflow,
  dragFromPalette,
  mod,
  saveDraft,
} from "./helpers";

test.beforeEach(async ({ page }) => {
  await signInAs(page, "owner");
});

test("an owner draws a workflow: palette, connect, configure, validate, undo/redo, layout, save, reload", async ({
  page,
}) => {
  await createWorkflow(page, `Canvas ${Date.now()}`);
  await expect(canvasNodes(page)).toHaveCount(2);
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");

  // A second trigger is refused by validation: the problem appears live, and undo clears it.
  await dragFromPalette(page, "trigger", { x: 120, y: 520 });
  await expect(canvasNodes(page)).toHaveCount(3);
  await expect(page.getByRole("tab", { name: /Problems/ })).toContainText(/\d/);
  await page.getByRole("tab", { name: /Problems/ }).click();
  await expect(page.getByTestId("problems-panel")).toContainText(/trigger/i);
  await page.getByTestId("canvas").click({ position: { x: 20, y: 200 } });
  await page.keyboard.press(`${mod}+z`);
  await expect(canvasNodes(page)).toHaveCount(2);
  await expect(page.getByTestId("problems-panel")).toContainText("No problems");
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(canvasNodes(page)).toHaveCount(3);
  await page.keyboard.press(`${mod}+z`);
  await expect(canvasNodes(page)).toHaveCount(2);

  // One node of each other group, dragged from the palette.
  await dragFromPalette(page, "classify", { x: 120, y: 480 });
  await dragFromPalette(page, "connector", { x: 380, y: 480 });
  await dragFromPalette(page, "escalate", { x: 120, y: 620 });
  await dragFromPalette(page, "route", { x: 380, y: 620 });
  for (const id of ["classify", "connector", "escalate", "route"])
    await expect(canvasNode(page, id)).toBeVisible();
  await expect(canvasNode(page, "classify")).toHaveAttribute("data-issues", /\d/);

  // Auto-layout moves the nodes left to right (one undo step).
  const before = await page.locator('.react-flow__node[data-id="route"]').getAttribute("style");
  await page.getByRole("button", { name: "Auto-layout" }).click();
  await expect(page.locator('.react-flow__node[data-id="route"]')).not.toHaveAttribute("style", before ?? "");
  await expect(page.getByText("Laid out left to right")).toBeVisible();

  // Connect by dragging: the trigger's output is taken by "done", so first point it at the classifier.
  await canvasNode(page, "done").click();
  await page.keyboard.press("Delete");
  await expect(canvasNode(page, "done")).toHaveCount(0);
  const edgesBefore = await canvasEdges(page).count();
  await connect(page, "trigger", "out", "classify");
  await expect(canvasEdges(page)).toHaveCount(edgesBefore + 1);
  await connect(page, "classify", "billing", "route");
  await expect(canvasEdges(page)).toHaveCount(edgesBefore + 2);
  // A second edge on the same output is refused while dragging.
  await connect(page, "classify", "billing", "escalate");
  await expect(canvasEdges(page)).toHaveCount(edgesBefore + 2);

  // Configure the route: the node's summary follows the form.
  await canvasNode(page, "route").click();
  await page.getByRole("tab", { name: "Node" }).click();
  await page.getByLabel("Team").fill("billing");
  await expect(canvasNode(page, "route")).toContainText("→ billing");

  // Removing a classifier label removes the edge on its output, with a notice.
  await canvasNode(page, "classify").click();
  await page.getByRole("button", { name: "Remove billing" }).click();
  await expect(page.getByText(/Removed 1 connection: the "billing" output no longer exists/)).toBeVisible();
  await expect(canvasEdges(page)).toHaveCount(edgesBefore + 1);
  await page.keyboard.press("Escape");
  await page.getByTestId("canvas").click({ position: { x: 20, y: 200 } });
  await page.keyboard.press(`${mod}+z`);
  await expect(canvasEdges(page)).toHaveCount(edgesBefore + 2);
  await page.getByRole("button", { name: "Auto-layout" }).click();
  await canvasNode(page, "classify").click();
  await page.screenshot({ path: `${SCREENS}/canvas-built.png` });

  await saveDraft(page, "Classifier and routes");
  await page.reload();
  await expect(canvasNode(page, "classify")).toBeVisible();
  await expect(canvasNode(page, "route")).toContainText("→ billing");
  await expect(canvasNode(page, "done")).toHaveCount(0);
  await expect(page.getByTestId("draft-version")).toHaveText("Draft v2");
});
