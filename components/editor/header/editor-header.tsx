"use client";

import { ChevronLeft, CircleAlert, Keyboard, Rocket, Save } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { isMac } from "../canvas/shortcuts";
import { useDirty, useEditorStores, useOverlay, useSession } from "../store/editor-provider";
import type { VersionSummary } from "../use-workflow";

export type EditorTab = "overview" | "canvas" | "tests" | "items" | "monitoring" | "history" | "map";
export const EDITOR_TABS: { id: EditorTab; label: string }[] = [
  { id: "overview", label: "Overview" },
  { id: "canvas", label: "Canvas" },
  { id: "tests", label: "Test cases" },
  { id: "items", label: "Items" },
  { id: "monitoring", label: "Monitoring" },
  { id: "history", label: "History" },
  { id: "map", label: "Map" },
];

export function EditorHeader({
  name,
  versions,
  tab,
  onTab,
  onPublish,
  actions,
}: {
  name: string;
  versions: readonly VersionSummary[];
  tab: EditorTab;
  onTab(tab: EditorTab): void;
  onPublish(): void;
  actions: React.ReactNode;
}) {
  const dirty = useDirty();
  const baseVersion = useSession((s) => s.baseVersion);
  const saving = useSession((s) => s.saving);
  const problems = useOverlay((s) => s.issues.length);
  const { ui } = useEditorStores();
  const published = versions.find((v) => v.published);
  const mod = isMac() ? "⌘" : "Ctrl";
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="flex items-center gap-3 px-4 pt-3">
        <Link
          href="/workflows"
          className="flex items-center gap-0.5 rounded text-sm text-slate-500 hover:text-slate-800"
          aria-label="Back to workflows"
        >
          <ChevronLeft className="h-4 w-4" aria-hidden /> Workflows
        </Link>
        <span className="text-slate-300" aria-hidden>
          /
        </span>
        <h1 className="min-w-0 truncate text-base font-semibold text-slate-900" title={name}>
          {name}
        </h1>
        <Badge tone="accent" className="whitespace-nowrap" data-testid="draft-version">
          Draft v{baseVersion}
        </Badge>
        {published ? (
          <Badge tone="success" className="whitespace-nowrap" data-testid="published-version">
            Published v{published.version}
          </Badge>
        ) : (
          <Badge className="whitespace-nowrap">Not published</Badge>
        )}
        <span
          className={cn("whitespace-nowrap text-xs", dirty ? "font-medium text-amber-700" : "text-slate-500")}
          data-testid="save-state"
          aria-live="polite"
        >
          {saving ? "Saving…" : dirty ? "Unsaved changes" : "All changes saved"}
        </span>
        <div className="ml-auto flex shrink-0 items-center gap-1">
          {actions}
          <Button
            variant="ghost"
            size="sm"
            className="px-2"
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
            onClick={() => ui.getState().openDialog("shortcuts")}
          >
            <Keyboard className="h-4 w-4" aria-hidden />
          </Button>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => ui.getState().openDialog("save")}
            disabled={saving}
            title={`Save a draft version (${mod}+S)`}
          >
            <Save className="h-4 w-4" aria-hidden /> Save
          </Button>
          <Button
            size="sm"
            onClick={onPublish}
            title={problems > 0 ? `${problems} problems to fix first` : "Publish the canvas"}
          >
            <Rocket className="h-4 w-4" aria-hidden /> Publish
          </Button>
        </div>
      </div>
      <nav role="tablist" aria-label="Workflow" className="flex gap-1 px-4 pt-2">
        {EDITOR_TABS.map((t) => (
          <button
            key={t.id}
            role="tab"
            type="button"
            aria-selected={tab === t.id}
            onClick={() => onTab(t.id)}
            className={cn(
              "-mb-px flex items-center gap-1.5 border-b-2 px-3 pb-2 pt-1 text-sm font-medium",
              tab === t.id
                ? "border-accent-600 text-accent-700"
                : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {t.label}
            {t.id === "canvas" && problems > 0 ? (
              <span
                className="inline-flex items-center gap-0.5 text-xs font-semibold text-red-700"
                title={`${problems} problems`}
              >
                <CircleAlert className="h-3.5 w-3.5" aria-hidden />
                {problems}
              </span>
            ) : null}
          </button>
        ))}
      </nav>
    </header>
  );
}
