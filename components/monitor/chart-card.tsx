import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** A titled chart panel; `summary` is what a screen reader hears instead of the drawing. */
export function ChartCard({
  title,
  caption,
  summary,
  children,
  testId,
}: {
  title: string;
  caption?: ReactNode;
  summary: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card className="p-4" data-testid={testId}>
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {caption ? <p className="mt-0.5 text-xs text-slate-500">{caption}</p> : null}
      <div className="mt-3 h-56 w-full" role="img" aria-label={summary}>
        {children}
      </div>
    </Card>
  );
}
