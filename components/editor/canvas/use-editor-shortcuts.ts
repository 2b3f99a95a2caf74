"use client";

import { useEffect } from "react";
import { toast } from "sonner";
import { useEditorStores } from "../store/editor-provider";
import { readClipboard, writeClipboard } from "./clipboard";
import { isTextTarget } from "./shortcuts";
import { useCanvasActions } from "./use-canvas-actions";

/**
 * The editor's keys, on the document so they work wherever focus is on the page, except inside text fields
 * (their own undo and clipboard), while a dialog is open and on other tabs. Save and try work everywhere.
 */
export function useEditorShortcuts({
  onSave,
  onTry,
  enabled,
  canvasActive,
}: {
  onSave(): void;
  onTry(): void;
  enabled: boolean;
  canvasActive: boolean;
}) {
  const { graph, ui, session } = useEditorStores();
  const canvas = useCanvasActions();

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.metaKey || event.ctrlKey;
      const key = event.key.toLowerCase();
      if (mod && key === "s") {
        event.preventDefault();
        onSave();
        return;
      }
      if (mod && key === "enter") {
        event.preventDefault();
        onTry();
        return;
      }
      if (
        !canvasActive ||
        event.defaultPrevented ||
        ui.getState().dialog !== null ||
        isTextTarget(event.target)
      )
        return;
      if (document.querySelector("[role=dialog]")) return;
      const g = graph.getState();
      const run = (action: () => void) => {
        event.preventDefault();
        action();
      };
      if (mod && key === "z") return run(() => (event.shiftKey ? g.redo() : g.undo()));
      if (mod && key === "y") return run(() => g.redo());
      if (mod && key === "a") return run(() => g.select(g.nodes.map((n) => n.id)));
      if (mod && key === "d") return run(() => g.duplicate());
      if (mod && key === "c") {
        if (window.getSelection()?.toString()) return; // copying text on the page
        const fragment = g.copy();
        if (!fragment) return;
        return run(() => {
          writeClipboard(fragment, session.getState().workflowId);
          toast.success(`Copied ${fragment.nodes.length} node${fragment.nodes.length > 1 ? "s" : ""}`);
        });
      }
      if (mod && key === "v") {
        const entry = readClipboard();
        if (!entry) return;
        return run(() => {
          const here = entry.workflowId === session.getState().workflowId;
          const ids = g.paste(entry.fragment, here ? undefined : canvas.viewportCentre());
          if (ids.length > 0) toast.success(`Pasted ${ids.length} node${ids.length > 1 ? "s" : ""}`);
        });
      }
      if (mod || event.altKey) return;
      if (key === "delete" || key === "backspace") return run(() => void g.deleteSelected());
      if (key === "escape") return run(() => g.select([]));
      if (event.key === "?") return run(() => ui.getState().openDialog("shortcuts"));
      if (event.key === "/")
        return run(() => document.querySelector<HTMLInputElement>("[data-palette-search]")?.focus());
      if (event.shiftKey && event.code === "Digit1") return run(() => canvas.fit());
      if (event.shiftKey && key === "l") return run(() => canvas.autoLayout());
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [enabled, canvasActive, graph, ui, session, canvas, onSave, onTry]);
}
