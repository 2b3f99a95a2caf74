/**
 * The review document's own stylesheet, screen and print: the page and the PDF use it alike (the PDF is
 * rendered outside the app, without Tailwind).
 */
export const REVIEW_CSS = `
.monthly-review { font-family: ui-sans-serif, system-ui, "DejaVu Sans", Arial, sans-serif; color: #0f172a; font-size: 13px; line-height: 1.45; max-width: 960px; margin: 0 auto; }
.monthly-review h1 { font-size: 22px; margin: 0 0 4px; }
.monthly-review h2 { font-size: 15px; margin: 22px 0 6px; padding-bottom: 3px; border-bottom: 1px solid #cbd5e1; }
.monthly-review .generated, .monthly-review .empty { color: #64748b; }
.monthly-review .empty { font-style: italic; }
.monthly-review table { width: 100%; border-collapse: collapse; margin: 6px 0; }
.monthly-review th, .monthly-review td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid #e2e8f0; }
.monthly-review th { background: #f1f5f9; font-weight: 600; }
.monthly-review svg.trend { display: block; max-width: 100%; height: auto; margin: 6px 0; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  .no-print { display: none !important; }
  .monthly-review { max-width: none; font-size: 11px; }
  .monthly-review section { break-inside: avoid-page; }
  .monthly-review tr { break-inside: avoid; }
}
`;
