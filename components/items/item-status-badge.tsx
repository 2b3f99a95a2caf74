import { Badge } from "@/components/ui/badge";
import type { ItemStatus } from "@/server/db/schema/items";

type Tone = "neutral" | "accent" | "success" | "warning" | "danger";

export const ITEM_STATUS_LABELS: Record<ItemStatus, { label: string; tone: Tone }> = {
  queued: { label: "Queued", tone: "neutral" },
  processing: { label: "Processing", tone: "accent" },
  completed: { label: "Completed", tone: "success" },
  awaiting_review: { label: "Awaiting review", tone: "warning" },
  reviewed: { label: "Reviewed", tone: "success" },
  needs_info: { label: "Needs info", tone: "warning" },
  deferred: { label: "Deferred", tone: "warning" },
  error: { label: "Error", tone: "danger" },
  dead_letter: { label: "Dead letter", tone: "danger" },
  discarded: { label: "Discarded", tone: "neutral" },
};

export function ItemStatusBadge({ status }: { status: ItemStatus }) {
  const { label, tone } = ITEM_STATUS_LABELS[status];
  return (
    <Badge tone={tone} className="whitespace-nowrap">
      {label}
    </Badge>
  );
}
