import { KnowledgeScreen } from "@/components/knowledge/knowledge-screen";
import { NotAllowed } from "@/components/shell/not-allowed";
import { hasRole, requirePageUser } from "@/server/page-auth";

export const metadata = { title: "Knowledge base" };
export const dynamic = "force-dynamic";
const ROLES_ALLOWED = ["admin", "owner"] as const;

export default async function KnowledgeBasePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  if (!hasRole(user, ROLES_ALLOWED)) return <NotAllowed role={user.role} needed={ROLES_ALLOWED} />;
  const { id } = await params;
  return <KnowledgeScreen workflowId={id} />;
}
