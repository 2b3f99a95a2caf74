import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../fixtures/demo-users";
import { largeGraph } from "../fixtures/large-graph";
import { SCREENS, createWorkflow, importDocument } from "./helpers";

interface FrameStats {
  frames: number;
  meanMs: number;
  p95Ms: number;
  maxMs: number;
  over50ms: number;
}

/** Records animation frames in the page while `action` runs: how smoothly the canvas kept up. */
async function frameStats(page: Page, action: () => Promise<void>): Promise<FrameStats> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    const tick = (t: number) => {
      if (!w.__recording) return;
      w.__frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await action();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
  const gaps = frames
    .slice(1)
    .map((t, i) => t - frames[i]!)
    .sort((a, b) => a - b);
  const mean = gaps.reduce((a, b) => a + b, 0) / Math.max(gaps.length, 1);
  return {
    frames: frames.length,
    meanMs: Math.round(mean * 10) / 10,
    p95Ms: Math.round((gaps[Math.floor(gaps.length * 0.95)] ?? 0) * 10) / 10,
    maxMs: Math.round((gaps.at(-1) ?? 0) * 10) / 10,
    over50ms: gaps.filter((g) => g > 50).length,
  };
}

async function panAndZoom(page: Page) {
  const box = (await page.getByTestId("canvas").boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 20; i++) await page.mouse.wheel(i < 10 ? 60 : -60, 40);
  await page.keyboard.down("Control");
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, i < 5 ? -80 : 80);
  await page.keyboard.up("Control");
}

test("a 500-node, 600-edge workflow opens and pans/zooms: the figures", async ({ page }) => {
  test.setTimeout(240_000);
  await signInAs(page, "owner");
  const id = await createWorkflow(page, `Large ${Date.now()}`);
  await importDocument(page, largeGraph());
  await expect(page.getByTestId("draft-version")).toHaveText("Draft v2");

  const opens: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.goto(`/workflows/${id}`);
    await expect(page.locator('[data-testid="canvas"][data-ready="true"]')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId("canvas")).toHaveAttribute("data-ready-at", /\d+/);
    opens.push(Number(await page.getByTestId("canvas").getAttribute("data-ready-at")));
  }
  const viewport = page.locator(".react-flow__viewport");
  const before = await viewport.getAttribute("style");
  const entrance = await frameStats(page, () => panAndZoom(page));
  await expect(viewport).not.toHaveAttribute("style", before ?? "");

  await page.getByRole("button", { name: "Zoom to fit" }).click();
  await expect(page.locator(".react-flow__node")).toHaveCount(500);
  const overview = await frameStats(page, () => panAndZoom(page));
  await page.screenshot({ path: `${SCREENS}/large-graph.png` });

  const figures = { openMs: opens, panZoomAtEntrance: entrance, panZoomAllNodesDrawn: overview };
  console.log(`[editor speed] 500 nodes / 600 edges: ${JSON.stringify(figures)}`);
  test.info().annotations.push({ type: "editor speed", description: JSON.stringify(figures) });
  expect(opens.every((ms) => ms > 0)).toBe(true);
  expect(entrance.frames).toBeGreaterThan(0);
  expect(overview.frames).toBeGreaterThan(0);
});
