"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";

/** The sidebar's count of dead-lettered items; nothing when there are none (or it cannot be read). */
export function DeadLetterCountBadge() {
  const trpc = useTRPC();
  const count = useQuery({ ...trpc.deadLetters.count.queryOptions(), refetchInterval: 60_000 });
  if (!count.data) return null;
  return (
    <span
      className="ml-auto rounded-full bg-red-100 px-1.5 py-0.5 text-xs font-semibold tabular-nums text-red-700"
      aria-label={`${count.data} dead-lettered ${count.data === 1 ? "item" : "items"}`}
    >
      {count.data > 999 ? "999+" : count.data}
    </span>
  );
}
