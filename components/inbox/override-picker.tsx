"use client";

import { Command } from "cmdk";
import { useState } from "react";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { describeOutcome } from "./format";
import type { OutcomeOption } from "./types";

const GROUPS: { type: OutcomeOption["outcome"]["type"]; heading: string }[] = [
  { type: "route", heading: "Route to a team" },
  { type: "resolve", heading: "Resolve" },
  { type: "end", heading: "Other" },
];

/** The searchable outcome picker (`o`): type to filter, arrows to move, Enter to decide. */
export function OverridePicker({
  open,
  onOpenChange,
  options,
  suggestedLabel,
  onPick,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  options: OutcomeOption[];
  suggestedLabel: string | null;
  onPick: (optionKey: string, comment: string) => void;
}) {
  const [comment, setComment] = useState("");
  const close = (next: boolean) => {
    if (!next) setComment("");
    onOpenChange(next);
  };
  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent
        title="Override: pick the right outcome"
        description="The item gets this outcome as its label instead of the suggestion."
      >
        <Command label="Outcomes" loop className="rounded-md border border-slate-200">
          <Command.Input
            autoFocus
            placeholder="Search teams and resolutions…"
            aria-label="Search outcomes"
            className="h-10 w-full rounded-t-md border-b border-slate-200 px-3 text-sm outline-none focus-visible:bg-accent-50/40"
          />
          <Command.List className="max-h-64 overflow-auto p-1" aria-label="Outcomes">
            <Command.Empty className="px-3 py-6 text-center text-sm text-slate-500">
              No outcome matches.
            </Command.Empty>
            {GROUPS.map((group) => {
              const items = options.filter((o) => o.outcome.type === group.type);
              if (items.length === 0) return null;
              return (
                <Command.Group
                  key={group.type}
                  heading={group.heading}
                  className="[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-slate-500"
                >
                  {items.map((option) => (
                    <Command.Item
                      key={option.key}
                      value={option.key}
                      keywords={[option.title, option.outcome.label]}
                      onSelect={() => {
                        onPick(option.key, comment.trim());
                        setComment("");
                      }}
                      className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm data-[selected=true]:bg-accent-50 data-[selected=true]:text-accent-700"
                    >
                      <span className="min-w-0 flex-1 truncate">{describeOutcome(option.outcome)}</span>
                      <span className="truncate text-xs text-slate-500">{option.title}</span>
                      {option.outcome.label === suggestedLabel ? (
                        <span className="text-xs text-slate-400">(suggested)</span>
                      ) : null}
                    </Command.Item>
                  ))}
                </Command.Group>
              );
            })}
          </Command.List>
        </Command>
        <label className="mt-3 block text-xs font-medium text-slate-600">
          Comment (optional)
          <input
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            placeholder="Why the suggestion was wrong"
            className="mt-1 h-9 w-full rounded-md border border-slate-300 px-3 text-sm font-normal focus-visible:border-accent-500 focus-visible:outline-2 focus-visible:outline-accent-500/30"
          />
        </label>
        <p className="mt-2 text-xs text-slate-500">Enter picks the highlighted outcome · Esc cancels</p>
      </DialogContent>
    </Dialog>
  );
}
