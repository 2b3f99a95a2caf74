import { ApiKeysTable } from "@/components/api-keys/api-keys-table";
import { NewApiKeyDialog } from "@/components/api-keys/new-api-key-dialog";
import { NotAllowed } from "@/components/shell/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, requirePageUser } from "@/server/page-auth";

export const metadata = { title: "API keys" };
const ROLES_ALLOWED = ["admin"] as const;

export default async function ApiKeysPage() {
  const user = await requirePageUser();
  if (!hasRole(user, ROLES_ALLOWED)) return <NotAllowed role={user.role} needed={ROLES_ALLOWED} />;
  return (
    <>
      <PageHeader
        title="API keys"
        description="The credentials systems send items with, through the ingest API. Each secret is shown once, when it is created."
        actions={<NewApiKeyDialog />}
      />
      <ApiKeysTable />
    </>
  );
}
