import { UsersTable } from "@/components/admin/users-table";
import { NotAllowed } from "@/components/shell/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, requirePageUser } from "@/server/page-auth";

export const metadata = { title: "Users" };
const ROLES_ALLOWED = ["admin"] as const;

export default async function UsersPage() {
  const user = await requirePageUser();
  if (!hasRole(user, ROLES_ALLOWED)) return <NotAllowed role={user.role} needed={ROLES_ALLOWED} />;
  return (
    <>
      <PageHeader title="Users" description="Who can sign in, and what each person may do." />
      <UsersTable currentUserId={user.id} />
    </>
  );
}
