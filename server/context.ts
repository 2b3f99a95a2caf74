import { isRole } from "@/lib/roles";
import { getAuth } from "./auth";
import { getDatabase } from "./db";
import type { Context, SessionUser } from "./trpc";

/** Resolves the signed-in user from the request's session cookie. */
export async function sessionUser(headers: Headers): Promise<SessionUser | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const role = (session.user as { role?: unknown }).role;
  if (!isRole(role)) return null;
  return { id: session.user.id, email: session.user.email, name: session.user.name, role };
}

export async function createRequestContext(headers: Headers): Promise<Context> {
  const [{ db }, user] = await Promise.all([getDatabase(), sessionUser(headers)]);
  return { db, user };
}
