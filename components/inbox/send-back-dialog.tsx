"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";

/** `s`: the item needs more information; the comment says what is missing. Enter sends, Shift+Enter breaks the line. */
export function SendBackDialog({
  open,
  onOpenChange,
  onSend,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSend: (comment: string) => void;
}) {
  const [comment, setComment] = useState("");
  const send = () => {
    onSend(comment.trim());
    setComment("");
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Send back for more information"
        description="The task closes and the item waits for the information you ask for."
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            send();
          }}
        >
          <label className="block text-xs font-medium text-slate-600" htmlFor="send-back-comment">
            What is missing? (optional)
          </label>
          <textarea
            id="send-back-comment"
            autoFocus
            rows={3}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && !event.shiftKey) {
                event.preventDefault();
                send();
              }
            }}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus-visible:border-accent-500 focus-visible:outline-2 focus-visible:outline-accent-500/30"
          />
          <div className="mt-4 flex justify-end gap-2">
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit">Send back</Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
