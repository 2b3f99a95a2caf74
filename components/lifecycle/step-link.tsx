"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { EditorTab } from "@/components/editor/header/editor-header";

/**
 * A link from the overview. Within this workflow's page it switches the tab (and scrolls to the anchor)
 * instead of navigating, so the editor keeps its state; elsewhere it is an ordinary link.
 */
export function StepLink({
  href,
  workflowId,
  onTab,
  className,
  children,
}: {
  href: string;
  workflowId: string;
  onTab(tab: EditorTab): void;
  className?: string;
  children: ReactNode;
}) {
  const url = new URL(href, "http://local");
  const samePage = url.pathname === `/workflows/${encodeURIComponent(workflowId)}`;
  return (
    <Link
      href={href}
      className={className}
      onClick={(event) => {
        if (!samePage || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        onTab((url.searchParams.get("tab") as EditorTab | null) ?? "canvas");
        const anchor = url.hash.slice(1);
        if (anchor)
          window.requestAnimationFrame(() =>
            document.getElementById(anchor)?.scrollIntoView({ behavior: "smooth" }),
          );
      }}
    >
      {children}
    </Link>
  );
}
