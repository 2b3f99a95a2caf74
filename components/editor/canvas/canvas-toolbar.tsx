"use client";

import { Panel } from "@xyflow/react";
import { Keyboard, Maximize, Network, Redo2, Undo2, ZoomIn, ZoomOut, type LucideIcon } from "lucide-react";
import { useEditorStores, useGraph } from "../store/editor-provider";
import { isMac } from "./shortcuts";
import { useCanvasActions } from "./use-canvas-actions";

function ToolButton({
  icon: Icon,
  label,
  shortcut,
  onClick,
  disabled,
}: {
  icon: LucideIcon;
  label: string;
  shortcut?: string;
  onClick(): void;
  disabled?: boolean;
}) {
  const title = shortcut ? `${label} (${shortcut})` : label;
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      title={title}
      className="flex h-8 w-8 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 disabled:text-slate-300 disabled:hover:bg-transparent"
    >
      <Icon className="h-4 w-4" aria-hidden />
    </button>
  );
}

export function CanvasToolbar({ readOnly }: { readOnly: boolean }) {
  const { graph, ui } = useEditorStores();
  const canUndo = useGraph((s) => s.past.length > 0);
  const canRedo = useGraph((s) => s.future.length > 0);
  const canvas = useCanvasActions();
  const mod = isMac() ? "⌘" : "Ctrl";
  return (
    <Panel position="top-left" className="!m-3">
      <div
        role="toolbar"
        aria-label="Canvas"
        className="flex items-center gap-0.5 rounded-lg border border-slate-200 bg-white/95 p-1 shadow-sm backdrop-blur"
      >
        {!readOnly ? (
          <>
            <ToolButton
              icon={Undo2}
              label="Undo"
              shortcut={`${mod}+Z`}
              onClick={() => graph.getState().undo()}
              disabled={!canUndo}
            />
            <ToolButton
              icon={Redo2}
              label="Redo"
              shortcut={`${mod}+Shift+Z`}
              onClick={() => graph.getState().redo()}
              disabled={!canRedo}
            />
            <span className="mx-0.5 h-5 w-px bg-slate-200" aria-hidden />
          </>
        ) : null}
        <ToolButton icon={ZoomIn} label="Zoom in" onClick={canvas.zoomIn} />
        <ToolButton icon={ZoomOut} label="Zoom out" onClick={canvas.zoomOut} />
        <ToolButton icon={Maximize} label="Zoom to fit" shortcut="Shift+1" onClick={canvas.fit} />
        {!readOnly ? (
          <ToolButton icon={Network} label="Auto-layout" shortcut="Shift+L" onClick={canvas.autoLayout} />
        ) : null}
        <span className="mx-0.5 h-5 w-px bg-slate-200" aria-hidden />
        <ToolButton
          icon={Keyboard}
          label="Keyboard shortcuts"
          shortcut="?"
          onClick={() => ui.getState().openDialog("shortcuts")}
        />
      </div>
    </Panel>
  );
}
