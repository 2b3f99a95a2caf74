import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import { sessionUser } from "@/server/context";
import { getDatabase } from "@/server/db";
import { formatZodError } from "@/server/format-zod-error";
import { refuseCrossOrigin } from "@/server/security/cross-origin";
import { importDataset } from "@/server/services/datasets/import-dataset";
import { datasetMappingSchema, datasetNameSchema } from "@/server/services/datasets/mapping-schema";

export const dynamic = "force-dynamic";

function fail(status: number, message: string) {
  return Response.json({ message }, { status });
}

/**
 * Streams an uploaded CSV / JSON Lines file into a new dataset: the body is read as it arrives and written in
 * batches, so a 200 MB file never sits in memory. `?name=…&mapping=<json>&file=<original name>`.
 */
export async function POST(request: Request) {
  const refusal = refuseCrossOrigin(request);
  if (refusal) return refusal;
  const user = await sessionUser(request.headers);
  if (!user) return fail(401, "Sign in to continue.");
  if (user.role !== "admin" && user.role !== "owner")
    return fail(403, "Your role does not allow this action.");
  const params = new URL(request.url).searchParams;
  let mapping;
  let name;
  try {
    name = datasetNameSchema.parse(params.get("name") ?? "");
    mapping = datasetMappingSchema.parse(JSON.parse(params.get("mapping") ?? "null"));
  } catch (error) {
    return fail(
      400,
      error instanceof ZodError ? formatZodError(error) : "The column mapping is not valid JSON.",
    );
  }
  if (!request.body) return fail(400, "The upload is empty.");
  const { db } = await getDatabase();
  try {
    const result = await importDataset(db, {
      name,
      sourceName: (params.get("file") ?? "").slice(0, 300),
      mapping,
      source: Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>),
      createdBy: user.id,
    });
    return Response.json(result);
  } catch (error) {
    if (error instanceof TRPCError) return fail(getHTTPStatusCodeFromError(error), error.message);
    console.error("[switchboard] dataset import failed:", error);
    return fail(500, "The import failed on the server. The error was logged; please try again.");
  }
}
