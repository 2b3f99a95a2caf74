import { sessionUser } from "@/server/context";
import { getDatabase } from "@/server/db";
import { exportReviewResponse } from "@/server/services/monitoring/review/export-review";

export const dynamic = "force-dynamic";

/** GET …/reviews/{workflowId}/{YYYY-MM}?format=markdown|pdf: the monthly review as a download. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ workflowId: string; month: string }> },
) {
  const [{ workflowId, month }, { db }, user] = await Promise.all([
    params,
    getDatabase(),
    sessionUser(request.headers),
  ]);
  return exportReviewResponse(db, user, {
    workflowId,
    month,
    format: new URL(request.url).searchParams.get("format"),
  });
}
