"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useBackGuard } from "./use-back-guard";

/** Where the user asked to go: an in-app link, or `distance` entries through the browser history. */
export type PendingLeave = { kind: "link"; href: string } | { kind: "history"; distance: number };

/**
 * Asks before unsaved changes are lost: the browser's own prompt on reload or close, and — the App Router
 * has no navigation-blocking API — a capture-phase click handler for in-app links and a sentinel history
 * entry for Back/Forward (useBackGuard), both holding the navigation until the user confirms.
 */
export function useLeaveGuard(dirty: boolean) {
  const router = useRouter();
  const [pending, setPending] = useState<PendingLeave | null>(null);
  const backGuard = useBackGuard(dirty, (distance) => setPending({ kind: "history", distance }));

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      // Going back to a page of another document unloads this one: already confirmed in our dialog.
      if (backGuard.isLeaving()) return;
      event.preventDefault();
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      if (
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        event.altKey
      )
        return;
      const anchor = (event.target as Element | null)?.closest?.("a[href]");
      if (
        !(anchor instanceof HTMLAnchorElement) ||
        anchor.target === "_blank" ||
        anchor.hasAttribute("download")
      )
        return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname === window.location.pathname) return;
      event.preventDefault();
      event.stopPropagation();
      setPending({ kind: "link", href: url.pathname + url.search + url.hash });
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty, backGuard]);

  return {
    pending,
    stay: () => setPending(null),
    leave: () => {
      const target = pending;
      setPending(null);
      if (target?.kind === "history") backGuard.leave(target.distance);
      // From the sentinel entry the link takes its place, so Back from the next page returns to this one.
      else if (target?.kind === "link") {
        if (backGuard.onSentinel()) router.replace(target.href);
        else router.push(target.href);
      }
    },
  };
}
