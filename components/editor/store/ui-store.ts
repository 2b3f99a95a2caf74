import { createStore, type StoreApi } from "zustand/vanilla";

export type SidePanel = "node" | "problems" | "try";
export type Dialog = "save" | "publish" | "shortcuts" | "import" | null;

/** Which panel and dialog are open: screen state only, nothing here is saved. */
export interface UiState {
  panel: SidePanel;
  dialog: Dialog;
  /** Incremented to ask the canvas to centre a node (from the problems list). */
  focus: { nodeId: string; seq: number } | null;
  /** The item the try panel holds, kept while switching tabs. */
  tryInput: string;
  /** The palette as a narrow icon rail, leaving the canvas more room. */
  paletteCollapsed: boolean;
}

export interface UiActions {
  setPanel(panel: SidePanel): void;
  openDialog(dialog: Dialog): void;
  focusNode(nodeId: string): void;
  setTryInput(text: string): void;
  togglePalette(): void;
}

export type UiStore = StoreApi<UiState & UiActions>;

export function createUiStore(): UiStore {
  return createStore<UiState & UiActions>()((set, get) => ({
    panel: "node",
    dialog: null,
    focus: null,
    tryInput: "",
    paletteCollapsed: false,
    setPanel: (panel) => set({ panel }),
    openDialog: (dialog) => set({ dialog }),
    focusNode: (nodeId) => set({ focus: { nodeId, seq: (get().focus?.seq ?? 0) + 1 } }),
    setTryInput: (tryInput) => set({ tryInput }),
    togglePalette: () => set({ paletteCollapsed: !get().paletteCollapsed }),
  }));
}
