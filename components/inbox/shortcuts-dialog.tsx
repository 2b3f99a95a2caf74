"use client";

import { Dialog, DialogContent } from "@/components/ui/dialog";

export const SHORTCUTS: [string, string][] = [
  ["j / ↓", "Next task"],
  ["k / ↑", "Previous task"],
  ["a", "Approve the suggested outcome"],
  ["o", "Override: pick another outcome"],
  ["s", "Send back for more information"],
  ["c", "Claim the task"],
  ["x", "Select for bulk approve"],
  ["u", "Undo your last decision (10 s)"],
  ["?", "Show these keys"],
];

export function ShortcutsDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title="Keyboard shortcuts" description="Work the inbox without leaving the keyboard.">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">
                  {keys}
                </kbd>
              </dt>
              <dd className="text-slate-700">{what}</dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}
