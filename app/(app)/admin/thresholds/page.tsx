import { NotAllowed } from "@/components/shell/not-allowed";
import { ThresholdWorkflows } from "@/components/thresholds/threshold-workflows";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, requirePageUser } from "@/server/page-auth";

export const metadata = { title: "Thresholds" };
const ROLES_ALLOWED = ["admin"] as const;

export default async function ThresholdsPage() {
  const user = await requirePageUser();
  if (!hasRole(user, ROLES_ALLOWED)) return <NotAllowed role={user.role} needed={ROLES_ALLOWED} />;
  return (
    <>
      <PageHeader
        title="Thresholds"
        description="Tune when a workflow hands an item to a person, without publishing a new version."
      />
      <ThresholdWorkflows />
    </>
  );
}
