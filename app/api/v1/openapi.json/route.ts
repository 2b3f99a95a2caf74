import { openApiDocument } from "@/server/services/ingest/http/openapi";

export function GET(request: Request) {
  return Response.json(openApiDocument(new URL(request.url).origin));
}
