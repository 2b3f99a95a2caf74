import { WorkflowEditor } from "@/components/editor/workflow-editor";
import { NotAllowed } from "@/components/shell/not-allowed";
import { hasRole, requirePageUser } from "@/server/page-auth";

export const metadata = { title: "Workflow editor" };
const ROLES_ALLOWED = ["admin", "owner"] as const;

export default async function WorkflowPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ tab?: string }>;
}) {
  const user = await requirePageUser();
  if (!hasRole(user, ROLES_ALLOWED)) return <NotAllowed role={user.role} needed={ROLES_ALLOWED} />;
  const [{ id }, { tab }] = await Promise.all([params, searchParams]);
  return <WorkflowEditor workflowId={id} initialTab={tab} />;
}
