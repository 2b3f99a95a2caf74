"use client";

import { cn } from "@/components/ui/cn";
import type { TestCase } from "@/lib/engine/graph/test-case-schema";
import { useEditorStores, useOverlay, useUi } from "../store/editor-provider";
import type { SidePanel as Panel } from "../store/ui-store";
import { ConfigPanel } from "./config-panel";
import { ProblemsPanel } from "./problems-panel";
import { TryPanel } from "./try-panel";

/** The right-hand column: the selected node, the live problems, and trying an item. */
export function SidePanel({ readOnly, testCases }: { readOnly: boolean; testCases: readonly TestCase[] }) {
  const panel = useUi((s) => s.panel);
  const problemCount = useOverlay((s) => s.issues.length);
  const { ui } = useEditorStores();
  const tabs: { id: Panel; label: string; badge?: number }[] = [
    { id: "node", label: "Node" },
    { id: "problems", label: "Problems", badge: problemCount },
    ...(readOnly ? [] : [{ id: "try" as const, label: "Try it" }]),
  ];
  return (
    <aside
      className="flex h-full w-80 shrink-0 flex-col border-l border-slate-200 bg-white"
      aria-label="Inspector"
    >
      <div role="tablist" aria-label="Inspector" className="flex border-b border-slate-200 px-2">
        {tabs.map((t) => (
          <button
            key={t.id}
            role="tab"
            type="button"
            id={`side-tab-${t.id}`}
            aria-selected={panel === t.id}
            aria-controls={`side-panel-${t.id}`}
            onClick={() => ui.getState().setPanel(t.id)}
            className={cn(
              "-mb-px flex items-center gap-1.5 border-b-2 px-3 py-2.5 text-sm font-medium",
              panel === t.id
                ? "border-accent-600 text-accent-700"
                : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {t.label}
            {t.badge ? (
              <span className="rounded-full bg-red-100 px-1.5 text-[11px] font-semibold text-red-700">
                {t.badge}
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`side-panel-${panel}`}
        aria-labelledby={`side-tab-${panel}`}
        className="min-h-0 flex-1 overflow-y-auto"
      >
        {panel === "node" ? <ConfigPanel readOnly={readOnly} /> : null}
        {panel === "problems" ? <ProblemsPanel /> : null}
        {panel === "try" && !readOnly ? <TryPanel testCases={testCases} /> : null}
      </div>
    </aside>
  );
}
