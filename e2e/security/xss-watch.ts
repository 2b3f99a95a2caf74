import type { Browser, BrowserContext, Page } from "@playwright/test";
import type { XssPayload } from "./payloads";

/** What the sweep saw: any script a payload ran, any script the policy had to block, what was shown. */
export interface SweepFindings {
  /** A canary call or a dialog: a payload ran. */
  executions: { payload: string; how: "canary" | "dialog"; url: string }[];
  /** The Content-Security-Policy blocked something: markup was injected (a bug even though it did not run). */
  cspViolations: { text: string; url: string }[];
  /** Payload id → the pages that showed it as text. */
  shown: Map<string, Set<string>>;
}

export function emptyFindings(): SweepFindings {
  return { executions: [], cspViolations: [], shown: new Map() };
}

/**
 * A signed-in context whose pages report payload execution: `window.__xss(id)` is defined in every frame
 * before any page script, dialogs (`alert(id)`) are recorded and dismissed, and CSP violations are recorded
 * both from the console and from `securitypolicyviolation` events. `bypassCSP` turns the policy off so the
 * components' own escaping is tested without the policy's safety net.
 */
export async function watchedContext(
  browser: Browser,
  options: { storageState: string; bypassCSP: boolean; findings: SweepFindings },
): Promise<BrowserContext> {
  const { findings } = options;
  const context = await browser.newContext({
    storageState: options.storageState,
    bypassCSP: options.bypassCSP,
  });
  await context.exposeBinding("__xssReport", ({ page }, payload: unknown) => {
    findings.executions.push({ payload: String(payload), how: "canary", url: page.url() });
  });
  await context.exposeBinding("__cspReport", ({ page }, text: unknown) => {
    findings.cspViolations.push({ text: String(text), url: page.url() });
  });
  await context.addInitScript(() => {
    const w = window as unknown as {
      __xss: (id: unknown) => void;
      __xssReport: (id: string) => void;
      __cspReport: (text: string) => void;
    };
    w.__xss = (id: unknown) => w.__xssReport(String(id));
    document.addEventListener("securitypolicyviolation", (event) => {
      w.__cspReport(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  context.on("page", (page) => watchPage(page, findings));
  return context;
}

function watchPage(page: Page, findings: SweepFindings): void {
  page.on("dialog", (dialog) => {
    findings.executions.push({ payload: dialog.message(), how: "dialog", url: page.url() });
    void dialog.dismiss().catch(() => {});
  });
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text()))
      findings.cspViolations.push({ text: message.text(), url: page.url() });
  });
}

/**
 * Opens every `<details>` (so toggle handlers would fire and hidden text counts), then records which
 * payloads the page shows as text: text nodes outside scripts and styles, plus form values. A payload that
 * became markup is not in the text, so only payloads rendered as data are counted.
 */
export async function recordShown(
  page: Page,
  payloads: XssPayload[],
  findings: SweepFindings,
): Promise<number> {
  const text = await readPageText(page);
  const normalized = squash(text);
  const where = new URL(page.url()).pathname + new URL(page.url()).search;
  let count = 0;
  for (const payload of payloads) {
    if (!normalized.includes(squash(payload.text))) continue;
    count += 1;
    const pages = findings.shown.get(payload.id) ?? new Set<string>();
    pages.add(where);
    findings.shown.set(payload.id, pages);
  }
  return count;
}

/** Whitespace as a browser shows it: runs collapsed, ends trimmed. */
function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The page's text as shown; read again when a client-side navigation replaced the document meanwhile. */
async function readPageText(page: Page): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await page.evaluate(() => {
        document.querySelectorAll("details").forEach((d) => (d.open = true));
        const parts: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
          acceptNode: (node) =>
            node.parentElement?.closest("script, style, noscript, template")
              ? NodeFilter.FILTER_REJECT
              : NodeFilter.FILTER_ACCEPT,
        });
        for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.nodeValue ?? "");
        document
          .querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")
          .forEach((field) => {
            parts.push(` ${field.value} `);
          });
        return parts.join("");
      });
    } catch (error) {
      if (attempt >= 3 || !String(error).includes("Execution context was destroyed")) throw error;
      await page.waitForLoadState("load");
    }
  }
}
