import { Plus } from "lucide-react";
import Link from "next/link";
import { ConnectorsList } from "@/components/connectors/connectors-list";
import { NotAllowed } from "@/components/shell/not-allowed";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, requirePageUser } from "@/server/page-auth";

export const metadata = { title: "Connectors" };
const ROLES_ALLOWED = ["admin"] as const;

export default async function ConnectorsPage() {
  const user = await requirePageUser();
  if (!hasRole(user, ROLES_ALLOWED)) return <NotAllowed role={user.role} needed={ROLES_ALLOWED} />;
  return (
    <>
      <PageHeader
        title="Connectors"
        description="The systems workflows may call, each with its integration profile: limits, latency and what to do when it fails."
        actions={
          <Button asChild>
            <Link href="/admin/connectors/new">
              <Plus className="h-4 w-4" aria-hidden /> New connector
            </Link>
          </Button>
        }
      />
      <ConnectorsList />
    </>
  );
}
