import { DeadLettersTable } from "@/components/dead-letters/dead-letters-table";
import { NotAllowed } from "@/components/shell/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, requirePageUser } from "@/server/page-auth";

export const metadata = { title: "Dead letters" };
const ROLES_ALLOWED = ["admin"] as const;

export default async function DeadLettersPage() {
  const user = await requirePageUser();
  if (!hasRole(user, ROLES_ALLOWED)) return <NotAllowed role={user.role} needed={ROLES_ALLOWED} />;
  return (
    <>
      <PageHeader
        title="Dead letters"
        description="Items whose runs failed on every retry, with the last error. Retry them once the cause is fixed, or discard them."
      />
      <DeadLettersTable />
    </>
  );
}
