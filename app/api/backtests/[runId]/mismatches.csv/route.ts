import { sessionUser } from "@/server/context";
import { getDatabase } from "@/server/db";
import { mismatchesCsvResponse } from "@/server/services/backtests/export/mismatches-csv";

export const dynamic = "force-dynamic";

/** GET …/backtests/{runId}/mismatches.csv?kind=wrong&actual=…&predicted=…: the mismatch explorer's items as CSV. */
export async function GET(request: Request, { params }: { params: Promise<{ runId: string }> }) {
  const [{ runId }, { db }, user] = await Promise.all([params, getDatabase(), sessionUser(request.headers)]);
  return mismatchesCsvResponse(db, user, runId, new URL(request.url).searchParams);
}
