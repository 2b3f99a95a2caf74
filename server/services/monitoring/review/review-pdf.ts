import type { MonthlyReview } from "./monthly-review";
import { reviewDocumentHtml } from "./review-html";

/**
 * The review printed to PDF by Chromium (the browser's own print, with the print stylesheet). The document
 * is set as content, so no network and no session are involved; JavaScript is off, it has none.
 */
export async function reviewPdf(review: MonthlyReview): Promise<Buffer> {
  // Loaded on demand: only the export needs a browser, and the app's pages must not pull it in.
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.setContent(reviewDocumentHtml(review), { waitUntil: "load" });
    return await page.pdf({ format: "A4", printBackground: true, displayHeaderFooter: false });
  } finally {
    await browser.close();
  }
}
