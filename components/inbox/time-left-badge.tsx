import { Clock } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { timeLeft } from "./format";

export function TimeLeftBadge({ dueAt, now }: { dueAt: Date; now: number }) {
  const left = timeLeft(dueAt, now);
  return (
    <Badge
      tone={left.tone}
      className="whitespace-nowrap tabular-nums"
      title={`Due ${dueAt.toLocaleString()}`}
    >
      <Clock className="h-3 w-3" aria-hidden />
      {left.text}
    </Badge>
  );
}
