"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { ChevronsUpDown, LogOut } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { authClient } from "@/components/auth/auth-client";
import { cn } from "@/components/ui/cn";
import { ROLE_LABELS, type Role } from "@/lib/roles";
import { Logo } from "./logo";
import { NAV_ITEMS } from "./nav-items";

export interface ShellUser {
  name: string;
  email: string;
  role: Role;
}

export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  const pathname = usePathname();
  const router = useRouter();
  const items = NAV_ITEMS.filter((item) => item.roles.includes(user.role));

  async function signOut() {
    await authClient.signOut();
    router.replace("/sign-in");
    router.refresh();
  }

  return (
    <div className="flex min-h-screen">
      <aside className="fixed inset-y-0 left-0 flex w-56 flex-col border-r border-slate-200 bg-white">
        <div className="flex h-14 items-center gap-2 border-b border-slate-200 px-4">
          <Logo className="h-7 w-7" />
          <span className="font-semibold tracking-tight">Switchboard</span>
        </div>
        <nav aria-label="Main" className="flex-1 space-y-0.5 p-2">
          {items.map((item) => {
            const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
            return (
              <Link
                key={item.href}
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-2.5 rounded-md px-3 py-2 text-sm font-medium",
                  active ? "bg-accent-50 text-accent-700" : "text-slate-700 hover:bg-slate-100",
                )}
              >
                <item.icon className="h-4 w-4" aria-hidden />
                {item.label}
                {item.badge ? <item.badge /> : null}
              </Link>
            );
          })}
        </nav>
        <DropdownMenu.Root>
          <DropdownMenu.Trigger
            className="m-2 flex items-center gap-2 rounded-md px-3 py-2 text-left hover:bg-slate-100"
            aria-label="Account menu"
          >
            <span className="flex h-8 w-8 items-center justify-center rounded-full bg-slate-200 text-xs font-semibold text-slate-700">
              {initials(user.name)}
            </span>
            <span className="min-w-0 flex-1">
              <span className="block truncate text-sm font-medium">{user.name}</span>
              <span className="block truncate text-xs text-slate-500" data-testid="current-role">
                {ROLE_LABELS[user.role]}
              </span>
            </span>
            <ChevronsUpDown className="h-4 w-4 text-slate-400" aria-hidden />
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content
              side="top"
              align="start"
              sideOffset={4}
              className="z-50 w-52 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
            >
              <div className="px-2 py-1.5 text-xs text-slate-500">{user.email}</div>
              <DropdownMenu.Item
                onSelect={signOut}
                className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-highlighted:bg-slate-100"
              >
                <LogOut className="h-4 w-4" aria-hidden /> Sign out
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </aside>
      <main className="ml-56 min-w-0 flex-1 px-8 py-6">{children}</main>
    </div>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join("");
}
