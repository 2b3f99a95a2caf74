"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";

export interface PublishTarget {
  /** Publish what is on the canvas (saving it first when it has unsaved changes). */
  current: boolean;
  versionId?: string;
  version: number;
  /** The currently published version, to say "roll back" when going to an older one. */
  publishedVersion?: number;
}

/**
 * Publishing makes a version the one that runs. The server checks validation and the spec test cases and
 * refuses with its reason, shown here. A note is saved as the new draft's note when unsaved changes are
 * published (versions carry one note).
 */
export function PublishDialog({
  target,
  dirty,
  problemCount,
  onClose,
  onPublish,
}: {
  target: PublishTarget | null;
  dirty: boolean;
  problemCount: number;
  onClose(): void;
  onPublish(target: PublishTarget, note: string): Promise<void>;
}) {
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const saveFirst = target?.current === true && dirty;
  const rollback =
    target && target.publishedVersion !== undefined && target.version < target.publishedVersion;
  const blocked = target?.current === true && problemCount > 0;
  const title = rollback
    ? `Roll back to version ${target?.version}`
    : saveFirst
      ? "Save and publish"
      : `Publish version ${target?.version ?? ""}`;
  return (
    <Dialog
      open={target !== null}
      onOpenChange={(o) => {
        if (!o) {
          setError(null);
          onClose();
        }
      }}
    >
      <DialogContent
        title={title}
        description="The published version is the one that runs on new items. Validation and every test case not marked as a known failure must pass."
      >
        <div className="space-y-4">
          {saveFirst ? (
            <div className="space-y-1.5">
              <p className="text-sm text-slate-700">Your unsaved changes are saved as a new version first.</p>
              <label htmlFor="publish-note" className="text-sm font-medium">
                Note
              </label>
              <Input
                id="publish-note"
                value={note}
                onChange={(e) => setNote(e.target.value)}
                maxLength={500}
                placeholder="What changes for the people who receive these items?"
                autoFocus
              />
            </div>
          ) : null}
          {blocked ? (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
              Fix the {problemCount} problem{problemCount > 1 ? "s" : ""} in the Problems panel first.
            </p>
          ) : null}
          {error ? (
            <p
              role="alert"
              className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800"
              data-testid="publish-error"
            >
              {error}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                Cancel
              </Button>
            </DialogClose>
            <Button
              disabled={busy || blocked}
              onClick={async () => {
                if (!target) return;
                setBusy(true);
                setError(null);
                try {
                  await onPublish(target, note);
                  setNote("");
                  onClose();
                } catch (e) {
                  setError(e instanceof Error ? e.message : String(e));
                } finally {
                  setBusy(false);
                }
              }}
            >
              {rollback ? "Roll back" : "Publish"}
            </Button>
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}
