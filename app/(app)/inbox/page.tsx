import { InboxScreen } from "@/components/inbox/inbox-screen";
import { NotAllowed } from "@/components/shell/not-allowed";
import { hasRole, requirePageUser } from "@/server/page-auth";

export const metadata = { title: "Inbox" };
const ROLES_ALLOWED = ["reviewer", "admin", "owner"] as const;

export default async function InboxPage() {
  const user = await requirePageUser();
  if (!hasRole(user, ROLES_ALLOWED)) return <NotAllowed role={user.role} needed={ROLES_ALLOWED} />;
  return <InboxScreen viewerId={user.id} />;
}
