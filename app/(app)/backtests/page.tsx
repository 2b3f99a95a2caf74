import { BacktestIndex } from "@/components/backtest/backtest-index";
import { NotAllowed } from "@/components/shell/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, requirePageUser } from "@/server/page-auth";

export const metadata = { title: "Backtests" };
const ROLES_ALLOWED = ["admin", "owner"] as const;

export default async function BacktestsPage() {
  const user = await requirePageUser();
  if (!hasRole(user, ROLES_ALLOWED)) return <NotAllowed role={user.role} needed={ROLES_ALLOWED} />;
  return (
    <>
      <PageHeader
        title="Backtests"
        description="Run a workflow against 60 to 90 days of real history and compare with what actually happened, before it goes anywhere near live."
      />
      <BacktestIndex />
    </>
  );
}
