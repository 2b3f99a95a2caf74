import { minute } from "./format";
import type { MonthlyReview } from "./monthly-review";
import { reviewSections } from "./review-sections";

/** Table cells may hold any text: pipes and line breaks would break the table. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/** The monthly review as Markdown (the export people paste into their own reports). */
export function reviewMarkdown(review: MonthlyReview): string {
  const lines = [`# ${review.title}`, "", `Generated ${minute(review.generatedAtMs)}.`, ""];
  for (const section of reviewSections(review)) {
    lines.push(`## ${section.heading}`, "");
    if (section.intro) lines.push(section.intro, "");
    if (section.rows.length === 0) {
      lines.push(`_${section.empty}_`, "");
      continue;
    }
    lines.push(
      `| ${section.columns.map(cell).join(" | ")} |`,
      `| ${section.columns.map(() => "---").join(" | ")} |`,
    );
    for (const row of section.rows) lines.push(`| ${row.map(cell).join(" | ")} |`);
    lines.push("");
  }
  return lines.join("\n");
}
