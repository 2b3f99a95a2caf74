"use client";

import { Command } from "cmdk";
import { ChevronsLeft, ChevronsRight, GripVertical, Search } from "lucide-react";
import { Fragment, type DragEvent } from "react";
import { cn } from "@/components/ui/cn";
import type { NodeDefinition } from "@/lib/engine/node-definition";
import { nodeRegistry } from "@/lib/nodes/registry";
import { PALETTE_MIME } from "../canvas/graph-canvas";
import { useCanvasActions } from "../canvas/use-canvas-actions";
import { GROUP_APPEARANCE, PALETTE_ORDER } from "../node-appearance";
import { editorFor } from "../node-editors";
import { useEditorStores, useUi } from "../store/editor-provider";

/** Within a group, the order a process owner reaches for them; types not listed follow in registry order. */
const TYPE_ORDER = [
  "trigger",
  "classify",
  "assess",
  "match",
  "condition",
  "rule",
  "connector",
  "escalate",
  "route",
  "resolve",
  "end",
];
const rank = (d: NodeDefinition) => {
  const i = TYPE_ORDER.indexOf(d.type);
  return i < 0 ? TYPE_ORDER.length : i;
};
const definitions = () => [...nodeRegistry.all()].sort((a, b) => rank(a) - rank(b));

/** Names first (type or label, prefix before substring), then the group and description: no fuzzy surprises. */
export function paletteFilter(value: string, search: string, keywords: string[] = []): number {
  const s = search.trim().toLowerCase();
  if (!s) return 1;
  const type = value.toLowerCase();
  const label = (keywords[0] ?? "").toLowerCase();
  if (type.startsWith(s) || label.startsWith(s)) return 1;
  if (label.split(/\s+/).some((word) => word.startsWith(s))) return 0.9;
  if (type.includes(s) || label.includes(s)) return 0.8;
  return keywords.slice(1).some((k) => k.toLowerCase().includes(s)) ? 0.3 : 0;
}

function onDragStart(event: DragEvent, type: string) {
  event.dataTransfer.setData(PALETTE_MIME, type);
  event.dataTransfer.effectAllowed = "copy";
}

/** Every node type in the registry, grouped and searchable; drag one onto the canvas, or select it to add it. */
export function Palette() {
  const collapsed = useUi((s) => s.paletteCollapsed);
  return (
    <div className={cn("h-full shrink-0 border-r border-slate-200 bg-white", collapsed ? "w-14" : "w-52")}>
      {collapsed ? <PaletteRail /> : <PaletteList />}
    </div>
  );
}

function CollapseButton({ collapsed }: { collapsed: boolean }) {
  const { ui } = useEditorStores();
  const label = collapsed ? "Expand the palette" : "Collapse the palette";
  return (
    <button
      type="button"
      onClick={() => ui.getState().togglePalette()}
      aria-label={label}
      title={label}
      className="flex h-8 w-8 shrink-0 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-800"
    >
      {collapsed ? (
        <ChevronsRight className="h-4 w-4" aria-hidden />
      ) : (
        <ChevronsLeft className="h-4 w-4" aria-hidden />
      )}
    </button>
  );
}

function PaletteList() {
  const canvas = useCanvasActions();
  const all = definitions();
  return (
    <Command
      label="Add a node"
      loop
      filter={paletteFilter}
      className="flex h-full flex-col"
      data-testid="palette"
    >
      <div className="flex items-center gap-1 border-b border-slate-200 p-2">
        <div className="relative min-w-0 flex-1">
          <Search
            className="pointer-events-none absolute left-2 top-1/2 h-3.5 w-3.5 -translate-y-1/2 text-slate-400"
            aria-hidden
          />
          <Command.Input
            data-palette-search
            aria-label="Search node types"
            placeholder="Search nodes  /"
            className="h-8 w-full rounded-md border border-slate-300 bg-white pl-7 pr-2 text-sm placeholder:text-slate-400 focus-visible:border-accent-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-accent-500/30"
          />
        </div>
        <CollapseButton collapsed={false} />
      </div>
      <Command.List className="flex-1 overflow-y-auto p-2 [&_[cmdk-group-heading]]:px-1 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:text-[11px] [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:uppercase [&_[cmdk-group-heading]]:tracking-wide [&_[cmdk-group-heading]]:text-slate-500">
        <Command.Empty className="px-2 py-6 text-center text-sm text-slate-500">
          No node type matches.
        </Command.Empty>
        {PALETTE_ORDER.map((group) => {
          const look = GROUP_APPEARANCE[group];
          const items = all.filter((d) => d.group === group);
          if (items.length === 0) return null;
          return (
            <Command.Group key={group} heading={look.heading}>
              {items.map((d) => {
                const Icon = editorFor(d.type)?.icon ?? look.icon;
                return (
                  <Command.Item
                    key={d.type}
                    value={d.type}
                    keywords={[d.label, look.label, look.heading, d.description]}
                    onSelect={() => canvas.addAtCentre(d.type)}
                    draggable
                    onDragStart={(e) => onDragStart(e, d.type)}
                    data-testid={`palette-${d.type}`}
                    title={`${d.description}\nDrag onto the canvas, or click to add it in the middle.`}
                    className="group flex cursor-grab items-center gap-2 rounded-md px-1.5 py-1.5 text-sm text-slate-800 active:cursor-grabbing data-[selected=true]:bg-slate-100"
                  >
                    <span
                      className={cn(
                        "flex h-6 w-6 shrink-0 items-center justify-center rounded-md ring-1 ring-inset",
                        look.chip,
                      )}
                    >
                      <Icon className="h-3.5 w-3.5" aria-hidden />
                    </span>
                    <span className="min-w-0 flex-1 truncate">{d.label}</span>
                    <GripVertical
                      className="h-3.5 w-3.5 text-slate-300 group-hover:text-slate-400"
                      aria-hidden
                    />
                  </Command.Item>
                );
              })}
            </Command.Group>
          );
        })}
      </Command.List>
      <p className="border-t border-slate-200 p-2 text-[11px] leading-snug text-slate-500">
        Drag onto the canvas, or select and press Enter to add it in the middle.
      </p>
    </Command>
  );
}

/** The collapsed palette: one icon per node type, grouped, still draggable and clickable. */
function PaletteRail() {
  const canvas = useCanvasActions();
  const all = definitions();
  return (
    <nav
      aria-label="Add a node"
      className="flex h-full flex-col items-center gap-1 overflow-y-auto py-2"
      data-testid="palette"
    >
      <CollapseButton collapsed />
      {PALETTE_ORDER.map((group) => {
        const look = GROUP_APPEARANCE[group];
        return (
          <Fragment key={group}>
            <span className="my-1 h-px w-8 bg-slate-200" aria-hidden />
            {all
              .filter((d) => d.group === group)
              .map((d) => {
                const Icon = editorFor(d.type)?.icon ?? look.icon;
                return (
                  <button
                    key={d.type}
                    type="button"
                    draggable
                    onDragStart={(e) => onDragStart(e, d.type)}
                    onClick={() => canvas.addAtCentre(d.type)}
                    aria-label={`Add ${d.label}`}
                    title={`${d.label}: ${d.description}`}
                    data-testid={`palette-${d.type}`}
                    className={cn(
                      "flex h-8 w-8 shrink-0 cursor-grab items-center justify-center rounded-md ring-1 ring-inset",
                      look.chip,
                    )}
                  >
                    <Icon className="h-4 w-4" aria-hidden />
                  </button>
                );
              })}
          </Fragment>
        );
      })}
    </nav>
  );
}
