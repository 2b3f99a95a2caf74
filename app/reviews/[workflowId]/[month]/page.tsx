import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { ReviewToolbar } from "@/components/monitor/review-toolbar";
import { NotAllowed } from "@/components/shell/not-allowed";
import { MONTH_PATTERN } from "@/lib/monitoring/month";
import { getDatabase } from "@/server/db";
import { hasRole, requirePageUser } from "@/server/page-auth";
import { monthlyReview } from "@/server/services/monitoring/review/monthly-review";
import { REVIEW_CSS } from "@/server/services/monitoring/review/review-css";
import { reviewBodyHtml } from "@/server/services/monitoring/review/review-html";

export const dynamic = "force-dynamic";
export const metadata = { title: "Monthly review" };
const ROLES_ALLOWED = ["admin", "owner"] as const;

/**
 * The monthly review as a document of its own (no app shell), so it prints as it reads. The body is the same
 * escaped HTML the PDF export prints (services/monitoring/review/review-html.ts): one rendering, three outputs.
 */
export default async function MonthlyReviewPage({
  params,
}: {
  params: Promise<{ workflowId: string; month: string }>;
}) {
  const user = await requirePageUser();
  if (!hasRole(user, ROLES_ALLOWED)) return <NotAllowed role={user.role} needed={ROLES_ALLOWED} />;
  const { workflowId, month } = await params;
  if (!MONTH_PATTERN.test(month)) notFound();
  const { db } = await getDatabase();
  const review = await monthlyReview(db, { workflowId, month }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!review) notFound();
  return (
    <main className="min-h-screen bg-white px-8 py-6" data-testid="monthly-review">
      <style>{REVIEW_CSS}</style>
      <ReviewToolbar workflowId={workflowId} month={month} />
      <div dangerouslySetInnerHTML={{ __html: reviewBodyHtml(review) }} />
    </main>
  );
}
