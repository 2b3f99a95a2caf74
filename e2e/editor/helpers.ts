import { expect, type Locator, type Page } from "@playwright/test";

export const SCREENS = "test-results/editor-screens";

export const canvasNode = (page: Page, id: string): Locator => page.getByTestId(`node-${id}`);
export const canvasNodes = (page: Page): Locator => page.locator(".react-flow__node");
export const canvasEdges = (page: Page): Locator => page.locator(".react-flow__edge");
export const mod = process.platform === "darwin" ? "Meta" : "Control";

/** Creates a workflow through the "New workflow" dialog and waits for its canvas. Returns its id. */
export async function createWorkflow(page: Page, name: string): Promise<string> {
  await page.goto("/workflows");
  await page.getByRole("button", { name: "New workflow" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/workflows\/[^/?]+$/);
  await expect(canvasNode(page, "trigger")).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** Imports a graph document through the Import button, as a new draft of the open workflow. */
export async function importDocument(page: Page, document: unknown, name = "workflow.json"): Promise<void> {
  await page
    .getByTestId("import-file")
    .setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(document)) });
  await page.getByRole("button", { name: "Import as new draft" }).click();
  await expect(page.getByText("Imported as a new draft")).toBeVisible();
}

/** Drags a palette entry onto the canvas at a point relative to the canvas. */
export async function dragFromPalette(page: Page, type: string, at: { x: number; y: number }): Promise<void> {
  await page.getByTestId(`palette-${type}`).dragTo(page.getByTestId("canvas"), { targetPosition: at });
}

/** Drags from a node's named output handle onto another node's input handle. */
export async function connect(page: Page, source: string, handle: string, target: string): Promise<void> {
  const from = page.locator(`.react-flow__handle.source[data-nodeid="${source}"][data-handleid="${handle}"]`);
  const to = page.locator(`.react-flow__handle.target[data-nodeid="${target}"]`);
  await from.dragTo(to);
}

export async function saveDraft(page: Page, note: string): Promise<void> {
  await page.keyboard.press(`${mod}+s`);
  await page.getByRole("dialog", { name: "Save draft" }).getByLabel("Note").fill(note);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
}
