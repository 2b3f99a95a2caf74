"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";

/** The sidebar's count of unread monitoring alerts; nothing when there are none (or it cannot be read). */
export function AlertCountBadge() {
  const trpc = useTRPC();
  const count = useQuery({ ...trpc.monitoring.unreadAlertCount.queryOptions(), refetchInterval: 60_000 });
  if (!count.data) return null;
  return (
    <span
      className="ml-auto rounded-full bg-amber-100 px-1.5 py-0.5 text-xs font-semibold tabular-nums text-amber-800"
      aria-label={`${count.data} unread monitoring ${count.data === 1 ? "alert" : "alerts"}`}
    >
      {count.data > 99 ? "99+" : count.data}
    </span>
  );
}
