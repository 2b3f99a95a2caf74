"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ShieldCheck } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import { Input } from "@/components/ui/input";

interface Props {
  runId: string;
  passed: boolean | null;
  finished: boolean;
  approverName: string | null;
  canSignOff: boolean;
  signOff: { userName: string; createdAt: Date; note: string } | null;
}

/** The gate: a passing run is signed off by the approver the criteria name, and only by them. */
export function SignOffPanel({ runId, passed, finished, approverName, canSignOff, signOff }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const sign = useMutation(
    trpc.backtests.signOff.mutationOptions({
      onSuccess: async () => {
        toast.success("Signed off. This version may now go to shadow mode.");
        await queryClient.invalidateQueries({ queryKey: trpc.backtests.get.queryKey({ runId }) });
      },
    }),
  );
  if (signOff) {
    return (
      <div
        className="flex items-start gap-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
        data-testid="sign-off"
      >
        <ShieldCheck className="mt-0.5 h-4 w-4" aria-hidden />
        <div>
          Signed off by <span className="font-semibold">{signOff.userName}</span> on{" "}
          {formatDateTime(signOff.createdAt)}
          {signOff.note ? <> — “{signOff.note}”</> : null}
        </div>
      </div>
    );
  }
  if (!finished)
    return <p className="text-sm text-slate-600">Sign-off opens when the run has finished and passed.</p>;
  if (!passed) {
    return (
      <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="sign-off">
        A run that fails its criteria cannot be signed off; this version cannot enter shadow mode on it.
      </p>
    );
  }
  if (!canSignOff) {
    return (
      <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="sign-off">
        Passed — waiting for {approverName ?? "the named approver"} to sign off.
      </p>
    );
  }
  return (
    <form
      className="flex items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        sign.mutate({ runId, note });
      }}
    >
      <div className="flex-1 space-y-1">
        <label htmlFor="sign-off-note" className="text-sm font-medium">
          You are the named approver. Note (optional)
        </label>
        <Input
          id="sign-off-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={1000}
          placeholder="e.g. reviewed the mismatches with the team leads"
        />
      </div>
      <Button type="submit" disabled={sign.isPending}>
        <ShieldCheck className="h-4 w-4" aria-hidden /> Sign off
      </Button>
    </form>
  );
}
