"use client";

import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import type { InboxTask } from "./types";

/** One confirmation for many approvals; tasks without a suggestion are listed as skipped. */
export function BulkApproveDialog({
  open,
  onOpenChange,
  tasks,
  pending,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  tasks: InboxTask[];
  pending: boolean;
  onConfirm: () => void;
}) {
  const approvable = tasks.filter((t) => t.suggestedLabel);
  const skipped = tasks.length - approvable.length;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={`Approve ${approvable.length} ${approvable.length === 1 ? "task" : "tasks"}?`}
        description="Each task gets its suggested outcome as its label. A task someone else decided meanwhile is reported, not overwritten."
      >
        <ul className="max-h-48 space-y-1 overflow-auto text-sm">
          {approvable.map((task) => (
            <li key={task.id} className="flex gap-2">
              <span className="min-w-0 flex-1 truncate">{task.title}</span>
              <span className="text-slate-500">→ {task.suggestedLabel}</span>
            </li>
          ))}
        </ul>
        {skipped > 0 ? (
          <p className="mt-3 text-sm text-amber-800">
            {skipped} selected {skipped === 1 ? "task has" : "tasks have"} no suggestion and will be skipped.
          </p>
        ) : null}
        <div className="mt-4 flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button onClick={onConfirm} disabled={pending || approvable.length === 0}>
            Approve {approvable.length}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
