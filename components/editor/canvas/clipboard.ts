import type { GraphFragment } from "../store/graph-types";
import { parseFragment } from "../store/paste";

const KEY = "switchboard.editor.clipboard";

interface ClipboardEntry {
  fragment: GraphFragment;
  /** The workflow it was copied from: pasting back there offsets the copy; elsewhere it lands in view. */
  workflowId: string;
}

/**
 * Copied nodes go to localStorage (shared by every tab of this browser, so they paste into another workflow)
 * and, best effort, to the system clipboard as JSON.
 */
export function writeClipboard(fragment: GraphFragment, workflowId: string): void {
  const text = JSON.stringify(fragment);
  try {
    window.localStorage.setItem(KEY, JSON.stringify({ workflowId, fragment }));
  } catch {
    // Storage full or disabled: the system clipboard below may still work.
  }
  void navigator.clipboard?.writeText(text).catch(() => undefined);
}

export function readClipboard(): ClipboardEntry | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as { workflowId?: unknown; fragment?: unknown };
    const fragment = parseFragment(JSON.stringify(parsed.fragment));
    return fragment ? { fragment, workflowId: String(parsed.workflowId ?? "") } : null;
  } catch {
    return null;
  }
}
