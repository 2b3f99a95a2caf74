import { appendFileSync, readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { signInAs, type DemoRole } from "../fixtures/demo-users";
import { HOSTILE_CONNECTOR_IDS, type HostileManifest } from "./hostile-manifest";
import { xssPayloads } from "./payloads";
import { emptyFindings, recordShown, watchedContext, type SweepFindings } from "./xss-watch";

/*
 * Stored XSS, issue 11 point 10. hostile-world.ts planted the corpus through the services before the server
 * started; this spec adds the HTTP paths (the ingest API with an API key, a workflow named in the UI), then
 * opens every page that shows that data, twice: as shipped (Content-Security-Policy enforced) and with the
 * policy bypassed (the components' own escaping, without the safety net). Any canary call or dialog is an
 * execution; any CSP violation means markup got into a page, and fails too.
 */

const payloads = xssPayloads();
/** Written by the seeding step, which runs after this file is collected: read when a test needs it. */
let manifestCache: HostileManifest | undefined;
function manifest(): HostileManifest {
  manifestCache ??= JSON.parse(
    readFileSync(`${process.env.SECURITY_E2E_DATA_DIR}-manifest.json`, "utf8"),
  ) as HostileManifest;
  return manifestCache;
}
const states = new Map<DemoRole, string>();
const month = new Date().toISOString().slice(0, 7);
/**
 * One JSON line per page visit. A failed test restarts the worker (and its memory), so the final tally
 * reads what every visit wrote here rather than a variable.
 */
const FINDINGS_FILE = `${process.env.SECURITY_E2E_DATA_DIR}-findings.jsonl`;

interface VisitRecord {
  visit: string;
  mode: string;
  executions: SweepFindings["executions"];
  cspViolations: SweepFindings["cspViolations"];
  shown: string[];
}

test.beforeAll(async ({ browser }) => {
  for (const role of ["admin", "reviewer"] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, role);
    // Beside the data directory, not in test-results (another Playwright run may clean that meanwhile).
    const file = `${process.env.SECURITY_E2E_DATA_DIR}-${role}-state.json`;
    await context.storageState({ path: file });
    states.set(role, file);
    await context.close();
  }
});

test("plant through the ingest API and the UI", async ({ page, request }) => {
  // Items into the demo workflow (in shadow): bodies bundle many payloads, the other fields one each.
  const batch = [];
  const { bundle: size, demoWorkflowId, apiKey } = manifest();
  for (let i = 0; i < payloads.length; i += size) {
    const bundle = payloads.slice(i, i + size);
    batch.push({
      ticket_id: `XSS-API-${i}`,
      subject: bundle[0]!.text,
      body: bundle.map((p) => p.text).join(" "),
      customer_tier: "pro",
      channel: "email",
      created_at: new Date().toISOString(),
      customer_email: bundle[1 % bundle.length]!.text,
    });
  }
  const response = await request.post(`/api/v1/workflows/${demoWorkflowId}/items`, {
    headers: { authorization: `Bearer ${apiKey}` },
    data: batch,
  });
  expect(response.status(), await response.text()).toBe(202);
  const body = (await response.json()) as { accepted: unknown[]; rejected: unknown[] };
  expect(body.rejected).toEqual([]);

  // A workflow named in the "New workflow" dialog (tRPC as the owner).
  await signInAs(page, "owner");
  await page.goto("/workflows");
  await page.getByRole("button", { name: "New workflow" }).click();
  await page.getByLabel("Name").fill(payloads[payloads.length - 1]!.text);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/workflows\/[^/?]+$/);
});

interface Visit {
  name: string;
  role: DemoRole;
  path: (m: HostileManifest) => string;
  /** Waits for the page's data, and opens what holds more of it (rows, nodes, tasks). */
  explore?: (page: Page, record: () => Promise<number>) => Promise<void>;
  /** False for a page that lists only running workflows (the hostile one is a draft): visited for safety only. */
  showsPlanted?: false;
}

const hostile = (m: HostileManifest) => m.hostileWorkflowId;
const VISITS: Visit[] = [
  { name: "workflows list", role: "admin", path: () => "/workflows" },
  {
    name: "editor canvas and config panel",
    role: "admin",
    path: (m) => `/workflows/${hostile(m)}`,
    explore: (page, record) =>
      clickNodes(page, record, ["trigger", "classify", "route_billing", "escalate_hostile"]),
  },
  {
    name: "editor canvas of the node gallery",
    role: "admin",
    path: (m) => `/workflows/${m.galleryWorkflowId}`,
    explore: async (page, record) => {
      await clickNodes(page, record, ["gallery_0", "gallery_9", "gallery_21"]);
      await page.getByRole("tab", { name: /Problems/ }).click();
      await expect(page.getByTestId("problems-panel")).toBeVisible();
      await record();
    },
  },
  { name: "workflow overview", role: "admin", path: (m) => `/workflows/${hostile(m)}?tab=overview` },
  { name: "workflow test cases", role: "admin", path: (m) => `/workflows/${hostile(m)}?tab=tests` },
  {
    name: "workflow items",
    role: "admin",
    path: (m) => `/workflows/${hostile(m)}?tab=items`,
    explore: expandItems,
  },
  {
    name: "items sent over the API",
    role: "admin",
    path: (m) => `/workflows/${m.demoWorkflowId}?tab=items`,
    explore: expandItems,
  },
  { name: "workflow monitoring", role: "admin", path: (m) => `/workflows/${hostile(m)}?tab=monitoring` },
  { name: "workflow history", role: "admin", path: (m) => `/workflows/${hostile(m)}?tab=history` },
  { name: "workflow map", role: "admin", path: (m) => `/workflows/${hostile(m)}?tab=map` },
  { name: "backtests", role: "admin", path: () => "/backtests" },
  { name: "backtest screen", role: "admin", path: (m) => `/backtests/${hostile(m)}` },
  {
    name: "backtest results and mismatches",
    role: "admin",
    path: (m) => `/backtests/${hostile(m)}/runs/${m.backtestRunId}`,
  },
  { name: "datasets", role: "admin", path: () => "/datasets" },
  { name: "dataset", role: "admin", path: (m) => `/datasets/${m.datasetId}` },
  { name: "monitoring overview", role: "admin", path: () => "/monitoring", showsPlanted: false },
  { name: "monthly review", role: "admin", path: (m) => `/reviews/${hostile(m)}/${month}` },
  { name: "connectors", role: "admin", path: () => "/admin/connectors" },
  ...HOSTILE_CONNECTOR_IDS.map((id) => ({
    name: `connector ${id}`,
    role: "admin" as const,
    path: () => `/admin/connectors/${id}`,
  })),
  { name: "dead letters", role: "admin", path: () => "/admin/dead-letters" },
  { name: "API keys", role: "admin", path: () => "/admin/api-keys" },
  { name: "users", role: "admin", path: () => "/admin/users" },
  { name: "queues", role: "admin", path: () => "/admin/queues" },
  { name: "thresholds", role: "admin", path: () => "/admin/thresholds" },
  { name: "workflow thresholds", role: "admin", path: (m) => `/admin/thresholds/${hostile(m)}` },
  { name: "inbox (admin)", role: "admin", path: () => "/inbox", explore: openHostileTasks },
  { name: "inbox (reviewer)", role: "reviewer", path: () => "/inbox", explore: openHostileTasks },
];

/*
 * "no-csp" is the stricter test (the markup alone must not run anything); "csp" adds what the policy had to
 * block. CI runs the stricter one only (SWITCHBOARD_XSS_SWEEP_MODES=no-csp) to stay within minutes; the
 * policy itself is checked on every main screen by csp.spec.ts.
 */
const SWEEP_MODES = (process.env.SWITCHBOARD_XSS_SWEEP_MODES ?? "csp,no-csp")
  .split(",")
  .map((mode) => mode.trim())
  .filter((mode): mode is "csp" | "no-csp" => mode === "csp" || mode === "no-csp");
if (SWEEP_MODES.length === 0) throw new Error("SWITCHBOARD_XSS_SWEEP_MODES names neither csp nor no-csp");

for (const mode of SWEEP_MODES) {
  test.describe(mode === "csp" ? "as shipped (CSP enforced)" : "components alone (CSP bypassed)", () => {
    for (const visit of VISITS) {
      test(visit.name, async ({ browser }) => {
        const findings = emptyFindings();
        const context = await watchedContext(browser, {
          storageState: states.get(visit.role)!,
          bypassCSP: mode === "no-csp",
          findings,
        });
        const page = await context.newPage();
        const record = () => recordShown(page, payloads, findings);
        await page.goto(visit.path(manifest()));
        // The page's data has arrived once some of it shows (each page here shows planted data).
        if (visit.showsPlanted !== false)
          await expect.poll(record, { message: "payloads this page shows as text" }).toBeGreaterThan(0);
        await settle(page);
        await visit.explore?.(page, record);
        const shown = await record();
        await settle(page);
        await context.close();
        const line: VisitRecord = {
          visit: visit.name,
          mode,
          executions: findings.executions,
          cspViolations: findings.cspViolations,
          shown: [...findings.shown.keys()],
        };
        appendFileSync(FINDINGS_FILE, `${JSON.stringify(line)}\n`);
        expect(findings.executions, "payloads that ran").toEqual([]);
        expect(findings.cspViolations, "markup the policy had to block").toEqual([]);
        if (visit.showsPlanted !== false)
          expect(shown, "payloads this page shows as text").toBeGreaterThan(0);
      });
    }
  });
}

test("the whole corpus was shown, and nothing ran", () => {
  const visits = readFileSync(FINDINGS_FILE, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as VisitRecord);
  const shown = new Set(visits.flatMap((v) => v.shown));
  const executions = visits.flatMap((v) =>
    v.executions.map((e) => ({ ...e, visit: `${v.mode}: ${v.visit}` })),
  );
  const cspViolations = visits.flatMap((v) => v.cspViolations);
  const figures = { xss_payloads: shown.size, xss_executions: executions.length };
  console.log(
    `[xss-sweep] ${visits.length} page visits; ${figures.xss_payloads} of ${payloads.length} payloads shown as ` +
      `text; ${figures.xss_executions} executions; ${cspViolations.length} CSP violations`,
  );
  const file = process.env.SWITCHBOARD_RELIABILITY_FIGURES;
  if (file) appendFileSync(file, `${JSON.stringify(figures)}\n`);

  expect(new Set(visits.map((v) => `${v.mode}: ${v.visit}`)).size, "pages visited").toBe(
    VISITS.length * SWEEP_MODES.length,
  );
  expect(payloads.length).toBeGreaterThanOrEqual(200);
  const missing = payloads.filter((p) => !shown.has(p.id)).map((p) => `${p.id} ${p.text}`);
  expect(missing, "payloads no page showed").toEqual([]);
  expect(executions).toEqual([]);
  expect(cspViolations).toEqual([]);
});

/** The page's data has arrived: no request in flight and no loading placeholder left. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expect(page.getByText(/^(Loading|Opening)\b/)).toHaveCount(0);
}

/**
 * Selects each node so the config panel shows its settings. A dispatched click: on a wide canvas some nodes
 * lie outside the viewport, where a pointer cannot reach them.
 */
async function clickNodes(page: Page, record: () => Promise<number>, ids: string[]): Promise<void> {
  for (const id of ids) {
    await page.getByTestId(`node-${id}`).dispatchEvent("click");
    await expect(page.getByTestId("config-panel")).toBeVisible();
    await record();
  }
}

/** Opens the first rows of the items table: an open row shows the item's fields and its path. */
/**
 * Opens every item row of the page in turn (one item per bundle in the hostile workflow), waiting for each
 * detail to load: its full text, fields and path show. Opening a row closes the one open before.
 */
async function expandItems(page: Page, record: () => Promise<number>): Promise<void> {
  const rows = page.locator("table tbody button[aria-expanded]");
  const count = Math.min(await rows.count(), 40);
  for (let i = 0; i < count; i++) {
    await rows.nth(i).click();
    await expect(rows.nth(i)).toHaveAttribute("aria-expanded", "true");
    await expect(page.locator('section[aria-label="Item"]')).toBeVisible();
    await settle(page);
    await record();
  }
}

/** Opens each task whose title carries a payload id, so its text, fields, explanation and history show. */
async function openHostileTasks(page: Page, record: () => Promise<number>): Promise<void> {
  const list = page.getByTestId("task-list");
  await expect(list).toBeVisible();
  const tasks = list.locator("li[data-task-id]").filter({ hasText: /x\d{3}/ });
  const count = await tasks.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const task = tasks.nth(i);
    const id = await task.getAttribute("data-task-id");
    await task.getByRole("button").first().click();
    await expect(page.getByTestId("task-detail")).toHaveAttribute("data-task-id", id!);
    await settle(page);
    await record();
  }
}
