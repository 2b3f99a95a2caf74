import { minute } from "./format";
import type { MonthlyReview } from "./monthly-review";
import { reviewSections } from "./review-sections";
import { REVIEW_CSS } from "./review-css";
import { trendSvg } from "./trend-svg";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
/** Every string in the document is data (item text included): escaped, never interpreted. */
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The review's body: the same sections as the Markdown, as HTML (the page shows it, the PDF prints it). */
export function reviewBodyHtml(review: MonthlyReview): string {
  const parts = [
    `<header><h1>${escape(review.title)}</h1><p class="generated">Generated ${escape(minute(review.generatedAtMs))}</p></header>`,
  ];
  for (const section of reviewSections(review)) {
    parts.push(`<section id="${escape(section.id)}"><h2>${escape(section.heading)}</h2>`);
    if (section.intro) parts.push(`<p>${escape(section.intro)}</p>`);
    if (section.id === "trends") parts.push(trendSvg(review.weeks));
    if (section.rows.length === 0) {
      parts.push(`<p class="empty">${escape(section.empty)}</p>`);
    } else {
      parts.push(
        `<table><thead><tr>${section.columns.map((c) => `<th>${escape(c)}</th>`).join("")}</tr></thead><tbody>`,
        ...section.rows.map((row) => `<tr>${row.map((c) => `<td>${escape(c)}</td>`).join("")}</tr>`),
        "</tbody></table>",
      );
    }
    parts.push("</section>");
  }
  return `<article class="monthly-review">${parts.join("")}</article>`;
}

/** A whole printable document (for Chromium's print to PDF). */
export function reviewDocumentHtml(review: MonthlyReview): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(review.title)}</title><style>${REVIEW_CSS}</style></head><body>${reviewBodyHtml(review)}</body></html>`;
}
