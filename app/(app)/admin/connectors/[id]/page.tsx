import { ConnectorEditor } from "@/components/connectors/connector-editor";
import { NotAllowed } from "@/components/shell/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, requirePageUser } from "@/server/page-auth";

export const metadata = { title: "Connector" };
const ROLES_ALLOWED = ["admin"] as const;

export default async function ConnectorPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  if (!hasRole(user, ROLES_ALLOWED)) return <NotAllowed role={user.role} needed={ROLES_ALLOWED} />;
  const { id } = await params;
  return (
    <>
      <PageHeader
        title="Connector"
        description="Its endpoint, authentication, integration profile and operations."
      />
      <ConnectorEditor connectorId={id} />
    </>
  );
}
