import { postOutcome } from "@/server/services/ingest/http/item-handlers";
import { processApiDeps } from "@/server/services/ingest/http/process-api";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const [{ id }, deps] = await Promise.all([params, processApiDeps()]);
  return postOutcome(request, id, deps);
}
