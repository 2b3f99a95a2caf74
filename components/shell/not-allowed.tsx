import { ShieldOff } from "lucide-react";
import Link from "next/link";
import { ROLE_LABELS, type Role } from "@/lib/roles";

export function NotAllowed({ role, needed }: { role: Role; needed: readonly Role[] }) {
  return (
    <div
      role="alert"
      className="mx-auto mt-16 max-w-md rounded-lg border border-slate-200 bg-white p-8 text-center shadow-xs"
    >
      <ShieldOff className="mx-auto mb-3 h-8 w-8 text-slate-400" aria-hidden />
      <h1 className="text-lg font-semibold">Not allowed</h1>
      <p className="mt-2 text-sm text-slate-600">
        This page is for {needed.map((r) => ROLE_LABELS[r]).join(" or ")} accounts. You are signed in as{" "}
        {ROLE_LABELS[role]}.
      </p>
      <Link
        href="/"
        className="mt-4 inline-block text-sm font-medium text-accent-700 underline underline-offset-2"
      >
        Back to your start page
      </Link>
    </div>
  );
}
