"use client";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { useEditorStores, useSession } from "../store/editor-provider";

/** Someone saved after this canvas was opened: reload theirs, or keep ours as a new draft. Never a silent overwrite. */
export function ConflictDialog({
  onReload,
  onSaveAsNew,
}: {
  onReload(): Promise<unknown>;
  onSaveAsNew(note: string): Promise<unknown>;
}) {
  const conflict = useSession((s) => s.conflict);
  const saving = useSession((s) => s.saving);
  const { session } = useEditorStores();
  return (
    <Dialog open={conflict !== null} onOpenChange={(o) => !o && session.getState().setConflict(null)}>
      <DialogContent
        title="Someone else saved this workflow"
        description="Your changes are still here, unsaved."
      >
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          {conflict?.message}
        </p>
        <p className="mt-3 text-sm text-slate-600">
          <strong>Reload</strong> discards your changes and opens their version.{" "}
          <strong>Save as new draft</strong> keeps both: yours becomes the newest version.
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <Button
            variant="secondary"
            onClick={async () => {
              session.getState().setConflict(null);
              await onReload();
            }}
          >
            Reload
          </Button>
          <Button
            disabled={saving}
            onClick={async () => {
              const note = conflict?.note ?? "";
              session.getState().setConflict(null);
              await onSaveAsNew(note);
            }}
          >
            Save as new draft
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
