import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Role } from "@/lib/roles";
import { sessionUser } from "./context";
import type { SessionUser } from "./trpc";

/** For server pages: the signed-in user, or a redirect to the sign-in page. */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await sessionUser(await headers());
  if (!user) redirect("/sign-in");
  return user;
}

/** For role-restricted pages: whether the user may see it; the page renders <NotAllowed/> when not. */
export function hasRole(user: SessionUser, roles: readonly Role[]): boolean {
  return roles.includes(user.role);
}

/** Reviewers start where their work is, the inbox; everyone else at the workflows. */
export function homePathFor(user: SessionUser): string {
  return user.role === "reviewer" ? "/inbox" : "/workflows";
}
