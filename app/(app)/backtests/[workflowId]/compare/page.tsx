import { CompareView } from "@/components/backtest/compare-view";
import { NotAllowed } from "@/components/shell/not-allowed";
import { hasRole, requirePageUser } from "@/server/page-auth";

export const metadata = { title: "Compare backtests" };
const ROLES_ALLOWED = ["admin", "owner"] as const;

export default async function CompareBacktestsPage({
  params,
  searchParams,
}: {
  params: Promise<{ workflowId: string }>;
  searchParams: Promise<{ a?: string; b?: string }>;
}) {
  const user = await requirePageUser();
  if (!hasRole(user, ROLES_ALLOWED)) return <NotAllowed role={user.role} needed={ROLES_ALLOWED} />;
  const [{ workflowId }, { a, b }] = await Promise.all([params, searchParams]);
  return <CompareView workflowId={workflowId} leftRunId={a ?? ""} rightRunId={b ?? ""} />;
}
