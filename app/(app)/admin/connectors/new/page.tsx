import { ConnectorEditor } from "@/components/connectors/connector-editor";
import { NotAllowed } from "@/components/shell/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, requirePageUser } from "@/server/page-auth";

export const metadata = { title: "New connector" };
const ROLES_ALLOWED = ["admin"] as const;

export default async function NewConnectorPage() {
  const user = await requirePageUser();
  if (!hasRole(user, ROLES_ALLOWED)) return <NotAllowed role={user.role} needed={ROLES_ALLOWED} />;
  return (
    <>
      <PageHeader
        title="New connector"
        description="Describe the system and answer its integration profile. You can save a draft and finish later."
      />
      <ConnectorEditor />
    </>
  );
}
