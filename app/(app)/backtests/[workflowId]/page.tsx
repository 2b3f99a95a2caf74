import { BacktestScreen } from "@/components/backtest/backtest-screen";
import { NotAllowed } from "@/components/shell/not-allowed";
import { hasRole, requirePageUser } from "@/server/page-auth";

export const metadata = { title: "Backtests" };
const ROLES_ALLOWED = ["admin", "owner"] as const;

export default async function WorkflowBacktestsPage({ params }: { params: Promise<{ workflowId: string }> }) {
  const user = await requirePageUser();
  if (!hasRole(user, ROLES_ALLOWED)) return <NotAllowed role={user.role} needed={ROLES_ALLOWED} />;
  const { workflowId } = await params;
  return <BacktestScreen workflowId={workflowId} />;
}
