import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createRequestContext } from "@/server/context";
import { appRouter } from "@/server/root";
import { refuseCrossOrigin } from "@/server/security/cross-origin";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
  // The session cookie rides along on any request the browser sends here: refuse those another site started.
  const refusal = refuseCrossOrigin(req);
  if (refusal) return refusal;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createRequestContext(req.headers),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
