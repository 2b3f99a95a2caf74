import { RunPage } from "@/components/backtest/run-page";
import { NotAllowed } from "@/components/shell/not-allowed";
import { hasRole, requirePageUser } from "@/server/page-auth";

export const metadata = { title: "Backtest" };
const ROLES_ALLOWED = ["admin", "owner"] as const;

export default async function BacktestRunPage({
  params,
}: {
  params: Promise<{ workflowId: string; runId: string }>;
}) {
  const user = await requirePageUser();
  if (!hasRole(user, ROLES_ALLOWED)) return <NotAllowed role={user.role} needed={ROLES_ALLOWED} />;
  const { workflowId, runId } = await params;
  return <RunPage workflowId={workflowId} runId={runId} />;
}
