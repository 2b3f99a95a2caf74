import { QueuesAdmin } from "@/components/inbox/queues-admin";
import { NotAllowed } from "@/components/shell/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, requirePageUser } from "@/server/page-auth";

export const metadata = { title: "Review queues" };
const ROLES_ALLOWED = ["admin"] as const;

export default async function QueuesPage() {
  const user = await requirePageUser();
  if (!hasRole(user, ROLES_ALLOWED)) return <NotAllowed role={user.role} needed={ROLES_ALLOWED} />;
  return (
    <>
      <PageHeader
        title="Review queues"
        description="Where escalations wait for a person: each queue's team, SLA, escalation contact and reviewers."
      />
      <QueuesAdmin />
    </>
  );
}
