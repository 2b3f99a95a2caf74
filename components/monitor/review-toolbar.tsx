"use client";

import { ChevronLeft, ChevronRight, Download, Printer } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { monthTitle, shiftMonth } from "@/lib/monitoring/month";

/** Above the review, hidden in print: back to the workflow, the month before and after, print and exports. */
export function ReviewToolbar({ workflowId, month }: { workflowId: string; month: string }) {
  const id = encodeURIComponent(workflowId);
  const exportHref = (format: string) => `/api/monitoring/reviews/${id}/${month}?format=${format}`;
  return (
    <nav className="no-print mx-auto mb-6 flex max-w-[960px] items-center justify-between gap-3 border-b border-slate-200 pb-3 text-sm">
      <div className="flex items-center gap-3">
        <Link href={`/workflows/${id}?tab=monitoring`} className="text-slate-600 hover:text-slate-900">
          ← Monitoring
        </Link>
        <Link
          href={`/reviews/${id}/${shiftMonth(month, -1)}`}
          className="flex items-center text-slate-600 hover:text-slate-900"
          aria-label="The month before"
        >
          <ChevronLeft className="h-4 w-4" aria-hidden /> {monthTitle(shiftMonth(month, -1))}
        </Link>
        <Link
          href={`/reviews/${id}/${shiftMonth(month, 1)}`}
          className="flex items-center text-slate-600 hover:text-slate-900"
          aria-label="The month after"
        >
          {monthTitle(shiftMonth(month, 1))} <ChevronRight className="h-4 w-4" aria-hidden />
        </Link>
      </div>
      <div className="flex items-center gap-2">
        <Button variant="secondary" size="sm" onClick={() => window.print()}>
          <Printer className="h-4 w-4" aria-hidden /> Print
        </Button>
        <Button variant="secondary" size="sm" asChild>
          <a href={exportHref("markdown")} download data-testid="export-markdown">
            <Download className="h-4 w-4" aria-hidden /> Markdown
          </a>
        </Button>
        <Button variant="secondary" size="sm" asChild>
          <a href={exportHref("pdf")} download data-testid="export-pdf">
            <Download className="h-4 w-4" aria-hidden /> PDF
          </a>
        </Button>
      </div>
    </nav>
  );
}
