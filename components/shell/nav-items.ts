import {
  CircleAlert,
  Database,
  FlaskConical,
  Inbox,
  KeyRound,
  LineChart,
  ScrollText,
  ListChecks,
  Plug,
  SlidersHorizontal,
  Users,
  Workflow,
  type LucideIcon,
} from "lucide-react";
import type { ComponentType } from "react";
import { DeadLetterCountBadge } from "@/components/dead-letters/dead-letter-count-badge";
import { AlertCountBadge } from "@/components/monitor/alert-count-badge";
import type { Role } from "@/lib/roles";

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
  roles: readonly Role[];
  /** A count beside the label (it fetches its own number, and renders nothing at zero). */
  badge?: ComponentType;
}

/** The sidebar, by role: a reviewer sees only what reviewing needs. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/inbox", label: "Inbox", icon: Inbox, roles: ["reviewer", "admin", "owner"] },
  { href: "/workflows", label: "Workflows", icon: Workflow, roles: ["admin", "owner", "reviewer"] },
  { href: "/backtests", label: "Backtests", icon: FlaskConical, roles: ["admin", "owner"] },
  { href: "/datasets", label: "Datasets", icon: Database, roles: ["admin", "owner"] },
  {
    href: "/monitoring",
    label: "Monitoring",
    icon: LineChart,
    roles: ["admin", "owner"],
    badge: AlertCountBadge,
  },
  { href: "/admin/connectors", label: "Connectors", icon: Plug, roles: ["admin"] },
  { href: "/admin/thresholds", label: "Thresholds", icon: SlidersHorizontal, roles: ["admin"] },
  { href: "/admin/queues", label: "Review queues", icon: ListChecks, roles: ["admin"] },
  { href: "/admin/users", label: "Users", icon: Users, roles: ["admin"] },
  { href: "/admin/api-keys", label: "API keys", icon: KeyRound, roles: ["admin"] },
  {
    href: "/admin/dead-letters",
    label: "Dead letters",
    icon: CircleAlert,
    roles: ["admin"],
    badge: DeadLetterCountBadge,
  },
  { href: "/admin/audit", label: "Audit log", icon: ScrollText, roles: ["admin"] },
];
