"use client";

import { useEffect } from "react";
import { validateGraph } from "@/lib/engine/validate/validate-graph";
import { useEditorStores } from "../store/editor-provider";

const DEBOUNCE_MS = 250;

/** Runs the engine's own validation in the browser as the user edits (debounced), into the overlay store. */
export function useLiveValidation(): void {
  const { graph, overlay } = useEditorStores();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      const { docId, toGraph } = graph.getState();
      overlay.getState().setIssues(validateGraph(toGraph()).errors, docId);
    };
    // The first check waits a tick so the canvas paints first (a 500-node graph takes tens of milliseconds).
    timer = setTimeout(run, 0);
    const unsubscribe = graph.subscribe((state, previous) => {
      if (state.docId === previous.docId) return;
      clearTimeout(timer);
      timer = setTimeout(run, DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [graph, overlay]);
}
