import { demoMode } from "@/server/config";
import { handleDemoCrm } from "@/server/services/connectors/demo-crm-api";

export const dynamic = "force-dynamic";

/** The demo CRM the seeded "CRM" connector calls; absent outside demo mode. */
async function handler(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  if (!demoMode()) return Response.json({ error: "Not found." }, { status: 404 });
  return handleDemoCrm(request, (await params).path);
}

export { handler as GET, handler as POST };
