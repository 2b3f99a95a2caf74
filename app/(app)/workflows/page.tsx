import { CreateWorkflowButton } from "@/components/workflows/create-workflow-button";
import { WorkflowList } from "@/components/workflows/workflow-list";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, requirePageUser } from "@/server/page-auth";

export const metadata = { title: "Workflows" };

export default async function WorkflowsPage() {
  const user = await requirePageUser();
  const canEdit = hasRole(user, ["admin", "owner"]);
  return (
    <>
      <PageHeader
        title="Workflows"
        description="Each workflow is a decision graph with its test cases, versions and escalation paths."
        actions={canEdit ? <CreateWorkflowButton /> : null}
      />
      <WorkflowList canOpen={canEdit} />
    </>
  );
}
