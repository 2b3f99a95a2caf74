import { getAuth } from "@/server/auth";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
  const auth = await getAuth();
  return auth.handler(req);
}

export { handler as GET, handler as POST };
