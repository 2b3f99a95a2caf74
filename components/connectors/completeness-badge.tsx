import { CircleCheck, TriangleAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";

export function CompletenessBadge({
  completeness,
}: {
  completeness: { complete: boolean; missing: string[] };
}) {
  if (completeness.complete) {
    return (
      <Badge tone="success">
        <CircleCheck className="h-3 w-3" aria-hidden /> Profile complete
      </Badge>
    );
  }
  const count = completeness.missing.length;
  return (
    <Badge tone="warning" title={`Missing: ${completeness.missing.join(", ")}`}>
      <TriangleAlert className="h-3 w-3" aria-hidden /> {count} {count === 1 ? "question" : "questions"} open
    </Badge>
  );
}
