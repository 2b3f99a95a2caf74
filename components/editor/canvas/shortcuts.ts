/** The keyboard shortcuts, as listed on the `?` sheet. "Mod" is ⌘ on a Mac and Ctrl elsewhere. */
export const SHORTCUTS: readonly { group: string; items: readonly { keys: string[]; label: string }[] }[] = [
  {
    group: "Edit",
    items: [
      { keys: ["Mod", "Z"], label: "Undo" },
      { keys: ["Mod", "Shift", "Z"], label: "Redo (also Mod+Y)" },
      { keys: ["Mod", "C"], label: "Copy the selected nodes" },
      { keys: ["Mod", "V"], label: "Paste (also into another workflow)" },
      { keys: ["Mod", "D"], label: "Duplicate the selection" },
      { keys: ["Delete"], label: "Delete the selection (also Backspace)" },
      { keys: ["Mod", "A"], label: "Select every node" },
      { keys: ["Esc"], label: "Clear the selection" },
    ],
  },
  {
    group: "Canvas",
    items: [
      { keys: ["Drag"], label: "Box-select on empty canvas" },
      { keys: ["Shift", "Click"], label: "Add to or remove from the selection" },
      { keys: ["Space", "Drag"], label: "Pan (also middle mouse, or scroll)" },
      { keys: ["Mod", "Scroll"], label: "Zoom" },
      { keys: ["Tab"], label: "Move between nodes; arrows move the selected ones" },
      { keys: ["Shift", "1"], label: "Zoom to fit" },
      { keys: ["Shift", "L"], label: "Auto-layout left to right" },
      { keys: ["/"], label: "Search the palette; Enter adds the node" },
    ],
  },
  {
    group: "Workflow",
    items: [
      { keys: ["Mod", "S"], label: "Save a draft version" },
      { keys: ["Mod", "Enter"], label: "Try the item in the Try panel" },
      { keys: ["?"], label: "This list" },
    ],
  },
];

export const isMac = (): boolean =>
  typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** True when the key press belongs to a text field, so editing text keeps its own undo, copy and paste. */
export function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  const type = (target as HTMLInputElement).type;
  return !["checkbox", "radio", "button", "submit", "range"].includes(type);
}
