import { TRPCError } from "@trpc/server";
import type { Db } from "../../../db/client";
import type { SessionUser } from "../../../trpc";
import { MONTH_PATTERN } from "./month";
import { monthlyReview } from "./monthly-review";
import { reviewMarkdown } from "./review-markdown";
import { reviewPdf } from "./review-pdf";

const ALLOWED = ["admin", "owner"];

/** The review export as an HTTP answer: Markdown or PDF, named after the workflow and month. */
export async function exportReviewResponse(
  db: Db,
  user: SessionUser | null,
  input: { workflowId: string; month: string; format: string | null },
): Promise<Response> {
  if (!user)
    return Response.json(
      { error: { code: "UNAUTHORIZED", message: "Sign in to continue." } },
      { status: 401 },
    );
  if (!ALLOWED.includes(user.role)) {
    return Response.json(
      { error: { code: "FORBIDDEN", message: "Your role does not allow this action." } },
      { status: 403 },
    );
  }
  if (!MONTH_PATTERN.test(input.month) || (input.format !== "markdown" && input.format !== "pdf")) {
    return Response.json(
      {
        error: {
          code: "BAD_REQUEST",
          message: "Ask for a month as YYYY-MM and format=markdown or format=pdf.",
        },
      },
      { status: 400 },
    );
  }
  try {
    const review = await monthlyReview(db, { workflowId: input.workflowId, month: input.month });
    const base = `${review.workflow.name.replace(/[^A-Za-z0-9_-]+/g, "-").toLowerCase()}-review-${input.month}`;
    if (input.format === "markdown") {
      return new Response(reviewMarkdown(review), {
        headers: {
          "Content-Type": "text/markdown; charset=utf-8",
          "Content-Disposition": `attachment; filename="${base}.md"`,
        },
      });
    }
    let pdf: Buffer;
    try {
      pdf = await reviewPdf(review);
    } catch (error) {
      console.error("[switchboard] monthly review PDF failed", error);
      return Response.json(
        {
          error: {
            code: "PDF_UNAVAILABLE",
            message: `The PDF could not be printed: it needs Chromium at ${process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"} (set CHROMIUM_PATH). The Markdown export works without it.`,
          },
        },
        { status: 503 },
      );
    }
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${base}.pdf"`,
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") {
      return Response.json({ error: { code: "NOT_FOUND", message: error.message } }, { status: 404 });
    }
    throw error;
  }
}
