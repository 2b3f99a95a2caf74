"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import type { Graph } from "@/lib/engine/graph/graph-schema";
import { createGraphStore, type GraphActions, type GraphState, type GraphStore } from "./graph-store";
import {
  createOverlayStore,
  type OverlayActions,
  type OverlayState,
  type OverlayStore,
} from "./overlay-store";
import {
  createSessionStore,
  type SessionActions,
  type SessionState,
  type SessionStore,
} from "./session-store";
import { createUiStore, type UiActions, type UiState, type UiStore } from "./ui-store";

export interface EditorStores {
  graph: GraphStore;
  overlay: OverlayStore;
  session: SessionStore;
  ui: UiStore;
}

const EditorContext = createContext<EditorStores | null>(null);

export interface EditorProviderProps {
  graph: Graph;
  workflowId: string;
  version: number;
  versionId: string;
  readOnly?: boolean;
  children: ReactNode;
}

/** One set of stores per editor instance (two canvases on a page never share state). */
export function EditorProvider({
  graph,
  workflowId,
  version,
  versionId,
  readOnly,
  children,
}: EditorProviderProps) {
  const [stores] = useState<EditorStores>(() => {
    const graphStore = createGraphStore(graph, { readOnly });
    return {
      graph: graphStore,
      overlay: createOverlayStore(),
      session: createSessionStore({
        workflowId,
        baseVersion: version,
        versionId,
        savedDocId: graphStore.getState().docId,
      }),
      ui: createUiStore(),
    };
  });
  return <EditorContext.Provider value={stores}>{children}</EditorContext.Provider>;
}

export function useEditorStores(): EditorStores {
  const stores = useContext(EditorContext);
  if (!stores) throw new Error("editor hooks must be used inside <EditorProvider>");
  return stores;
}

export function useGraph<T>(selector: (state: GraphState & GraphActions) => T): T {
  return useStore(useEditorStores().graph, selector);
}
export function useOverlay<T>(selector: (state: OverlayState & OverlayActions) => T): T {
  return useStore(useEditorStores().overlay, selector);
}
export function useSession<T>(selector: (state: SessionState & SessionActions) => T): T {
  return useStore(useEditorStores().session, selector);
}
export function useUi<T>(selector: (state: UiState & UiActions) => T): T {
  return useStore(useEditorStores().ui, selector);
}

/** True when the canvas differs from the version it was loaded from or last saved as. */
export function useDirty(): boolean {
  const docId = useGraph((s) => s.docId);
  const savedDocId = useSession((s) => s.savedDocId);
  return docId !== savedDocId;
}
