import Link from "next/link";
import { NotAllowed } from "@/components/shell/not-allowed";
import { WorkflowThresholds } from "@/components/thresholds/workflow-thresholds";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, requirePageUser } from "@/server/page-auth";

export const metadata = { title: "Thresholds" };
const ROLES_ALLOWED = ["admin"] as const;

export default async function WorkflowThresholdsPage({
  params,
}: {
  params: Promise<{ workflowId: string }>;
}) {
  const user = await requirePageUser();
  if (!hasRole(user, ROLES_ALLOWED)) return <NotAllowed role={user.role} needed={ROLES_ALLOWED} />;
  const { workflowId } = await params;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/thresholds" className="text-accent-700 hover:underline">
          ← All workflows
        </Link>
      </p>
      <PageHeader
        title="Thresholds in force"
        description="Each node's value in force: the published graph's, unless an admin set another. Every change is audited."
      />
      <WorkflowThresholds workflowId={workflowId} />
    </>
  );
}
