"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { useEditorStores, useSession, useUi } from "../store/editor-provider";

/** Save a draft version with an optional note (Mod+S opens it; Enter saves). */
export function SaveDialog({ onSave }: { onSave(note: string): Promise<unknown> }) {
  const open = useUi((s) => s.dialog === "save");
  const saving = useSession((s) => s.saving);
  const baseVersion = useSession((s) => s.baseVersion);
  const { ui } = useEditorStores();
  const [note, setNote] = useState("");
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    ui.getState().openDialog(null);
    const saved = await onSave(note);
    if (saved) setNote("");
  };
  return (
    <Dialog open={open} onOpenChange={(o) => ui.getState().openDialog(o ? "save" : null)}>
      <DialogContent
        title="Save draft"
        description={`Saves the canvas as version ${baseVersion + 1}. Drafts never run until published.`}
      >
        <form onSubmit={submit} className="space-y-4">
          <div className="space-y-1.5">
            <label htmlFor="save-note" className="text-sm font-medium">
              Note <span className="font-normal text-slate-500">(optional)</span>
            </label>
            <Input
              id="save-note"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={500}
              placeholder="What changed, e.g. Split shipping from billing"
              autoFocus
            />
          </div>
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={saving}>
              Save draft
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
