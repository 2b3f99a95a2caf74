import { expect, test } from "@playwright/test";
import { signInAs } from "../fixtures/demo-users";

/*
 * The ingest API end to end: an admin creates a key (its secret shown once), a system POSTs a ticket with
 * it, the in-process worker runs it in shadow (the demo workflow's stage), and the owner finds it on the
 * workflow's Items tab with what the workflow would have done.
 */
test("an item sent with a new API key is processed and listed", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/workflows");
  await page.getByRole("link", { name: /Support triage/ }).click();
  await expect(page).toHaveURL(/\/workflows\/[^/?]+/);
  const workflowId = new URL(page.url()).pathname.split("/")[2]!;

  await page.goto("/admin/api-keys");
  // The header's button; an empty list offers a second one once it has loaded.
  await page.getByRole("button", { name: "New key" }).first().click();
  await page.getByLabel("Name").fill("Helpdesk (e2e)");
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("api-key-secret").textContent())!.trim();
  expect(secret).toMatch(/^sbk_/);
  await page.screenshot({ path: "/tmp/api-key-created.png" });

  const headers = { authorization: `Bearer ${secret}`, "idempotency-key": "e2e-ticket-1" };
  const ticket = {
    ticket_id: "E2E-API-1",
    subject: "Refund for a double charge",
    body: "I was charged twice for my invoice this month, please refund the duplicate payment.",
    customer_tier: "pro",
    channel: "email",
    created_at: new Date().toISOString(),
  };
  const sent = await page.request.post(`/api/v1/workflows/${workflowId}/items`, { headers, data: ticket });
  expect(sent.status()).toBe(202);
  const { itemId, statusUrl } = await sent.json();
  const again = await page.request.post(`/api/v1/workflows/${workflowId}/items`, { headers, data: ticket });
  expect((await again.json()).itemId).toBe(itemId);

  // Shadow (as seeded) completes it; a live canary may send it to a reviewer instead. Either way, not queued.
  await expect
    .poll(async () => (await (await page.request.get(statusUrl, { headers })).json()).status, {
      timeout: 20_000,
    })
    .toMatch(/^(completed|awaiting_review)$/);
  const malformed = await page.request.post(`/api/v1/workflows/${workflowId}/items`, {
    headers: { ...headers, "idempotency-key": "e2e-ticket-2" },
    data: { ...ticket, ticket_id: "E2E-API-2", channel: "fax" },
  });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.fields[0].path).toBe("channel");

  await page.goto(`/workflows/${workflowId}?tab=items`);
  await expect(page.getByRole("tab", { name: "Items" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByText("E2E-API-1")).toBeVisible();
  await page.screenshot({ path: "/tmp/items-tab.png", fullPage: true });
});
