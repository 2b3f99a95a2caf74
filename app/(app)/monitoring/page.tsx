import { MonitoringOverview } from "@/components/monitor/monitoring-overview";
import { NotAllowed } from "@/components/shell/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, requirePageUser } from "@/server/page-auth";

export const metadata = { title: "Monitoring" };
const ROLES_ALLOWED = ["admin", "owner"] as const;

export default async function MonitoringPage() {
  const user = await requirePageUser();
  if (!hasRole(user, ROLES_ALLOWED)) return <NotAllowed role={user.role} needed={ROLES_ALLOWED} />;
  return (
    <>
      <PageHeader
        title="Monitoring"
        description="Every workflow in shadow or live against the baseline it promised, with drift flags, volume episodes and alerts."
      />
      <MonitoringOverview showAlerts />
    </>
  );
}
