import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "../fixtures/demo-users";
import type { HostileManifest } from "./hostile-manifest";

/*
 * The Content-Security-Policy proxy.ts sends: strict for scripts (a fresh nonce per request, no
 * 'unsafe-inline'), and loose enough that the app itself still works: every main screen (React Flow canvas,
 * recharts, Radix dialogs, the sign-in form, the 404 page) renders and hydrates without one violation.
 */

const production = process.env.SECURITY_E2E_SERVER !== "dev";

function demoWorkflowId(): string {
  const manifest = JSON.parse(
    readFileSync(`${process.env.SECURITY_E2E_DATA_DIR}-manifest.json`, "utf8"),
  ) as HostileManifest;
  return manifest.demoWorkflowId;
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

test("pages carry a strict script policy with a fresh nonce, and the usual security headers", async ({
  request,
}) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  const policy = first.headers()["content-security-policy"];
  expect(policy, "a Content-Security-Policy header").toBeTruthy();
  const scriptSrc = directives(policy!).get("script-src") ?? [];
  const nonce = scriptSrc.find((v) => v.startsWith("'nonce-"));
  expect(nonce, "a script nonce").toBeTruthy();
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  if (production) expect(scriptSrc).not.toContain("'unsafe-eval'");
  const rest = directives(policy!);
  expect(rest.get("object-src")).toEqual(["'none'"]);
  expect(rest.get("base-uri")).toEqual(["'self'"]);
  expect(rest.get("frame-ancestors")).toEqual(["'none'"]);
  expect(rest.get("form-action")).toEqual(["'self'"]);
  expect(second.headers()["content-security-policy"], "a new nonce per request").not.toEqual(policy);

  // Next.js stamped the nonce on its own scripts; no script in the page goes without it.
  const html = await first.text();
  const value = nonce!.slice("'nonce-".length, -1);
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${value}"`);

  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  expect(first.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(first.headers()["x-frame-options"]).toBe("DENY");

  const api = await request.get("/api/health");
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});

test("the main screens work under the policy, without one violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text()))
      violations.push(`${page.url()}: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });

  // Signing in needs the form hydrated: scripts ran.
  await signInAs(page, "admin");
  const workflowId = demoWorkflowId();
  const month = new Date().toISOString().slice(0, 7);

  await open(page, `/workflows/${workflowId}`);
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
  await page.getByTestId("node-classify").dispatchEvent("click");
  await expect(page.getByTestId("config-panel")).toBeVisible();

  await open(page, `/backtests/${workflowId}`);
  await page.locator(`a[href^="/backtests/${workflowId}/runs/"]`).first().click();
  await expect(page).toHaveURL(/\/runs\//);
  await page.waitForLoadState("networkidle");

  await open(page, `/workflows/${workflowId}?tab=monitoring`);
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();

  await open(page, "/inbox");
  await expect(page.getByTestId("task-list")).toBeVisible();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");

  for (const path of [
    "/workflows",
    "/monitoring",
    `/workflows/${workflowId}?tab=overview`,
    `/reviews/${workflowId}/${month}`,
    "/datasets",
    "/admin/connectors",
    "/admin/models",
    "/admin/users",
  ])
    await open(page, path);

  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await page.waitForLoadState("networkidle");

  expect(violations).toEqual([]);
});

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await expect(page.getByText(/^(Loading|Opening)\b/)).toHaveCount(0);
}
