import { AuditLog } from "@/components/admin/audit/audit-log";
import { NotAllowed } from "@/components/shell/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, requirePageUser } from "@/server/page-auth";

export const metadata = { title: "Audit log" };
const ROLES_ALLOWED = ["admin"] as const;

export default async function AuditPage() {
  const user = await requirePageUser();
  if (!hasRole(user, ROLES_ALLOWED)) return <NotAllowed role={user.role} needed={ROLES_ALLOWED} />;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who signed in, changed a role, a connector, a secret, a key, a threshold, published, moved a workflow through its lifecycle or decided a review — newest first. Entries can be added, never changed or removed."
      />
      <AuditLog />
    </>
  );
}
