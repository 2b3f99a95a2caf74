import { createStore, type StoreApi } from "zustand/vanilla";

/** Persistence: which saved version the canvas is based on, and whether it has changed since. */
export interface SessionState {
  workflowId: string;
  /** The version the editor opened (the base of the next save's conflict check). */
  baseVersion: number;
  versionId: string;
  /** The graph store's docId at the last load or save. */
  savedDocId: number;
  saving: boolean;
  /** The server refused a save because someone saved after `baseVersion`. */
  conflict: { message: string; note: string } | null;
}

export interface SessionActions {
  markSaved(docId: number, version: number, versionId: string): void;
  setSaving(saving: boolean): void;
  setConflict(conflict: SessionState["conflict"]): void;
}

export type SessionStore = StoreApi<SessionState & SessionActions>;

export function createSessionStore(
  initial: Pick<SessionState, "workflowId" | "baseVersion" | "versionId" | "savedDocId">,
): SessionStore {
  return createStore<SessionState & SessionActions>()((set) => ({
    ...initial,
    saving: false,
    conflict: null,
    markSaved: (savedDocId, baseVersion, versionId) =>
      set({ savedDocId, baseVersion, versionId, conflict: null }),
    setSaving: (saving) => set({ saving }),
    setConflict: (conflict) => set({ conflict }),
  }));
}
