"use client";

import { useEffect, useMemo, useRef } from "react";

/** Marks the extra history entry that sits on top of the page's own entry while there are unsaved edits. */
const SENTINEL = "switchboardLeaveGuard";
/** Marks the page's own entry beneath it, so a single Back press is recognised without the Navigation API. */
const BASE = "switchboardLeaveGuardBase";

type HistoryState = Record<string, unknown> | null;

interface Armed {
  token: string;
  /**
   * The page's URL and history state (the router's tree) when armed: what a re-pushed sentinel carries
   * when the way back to the old one is unknown.
   */
  href: string;
  state: Record<string, unknown>;
  /** The sentinel's place in the session history, where the Navigation API tells it (Chromium does). */
  index?: number;
  /** Set while the sentinel is being popped after the edits were saved: the URL the page must keep. */
  releasing?: string;
}

function currentEntryIndex(): number | undefined {
  const navigation = (window as { navigation?: { currentEntry?: { index: number } | null } }).navigation;
  return navigation?.currentEntry?.index;
}

function withoutGuardKeys(state: HistoryState): Record<string, unknown> {
  const { [SENTINEL]: _sentinel, [BASE]: _base, ...rest } = state ?? {};
  return rest;
}

function pushSentinel(): Armed {
  const token = crypto.randomUUID();
  const state = withoutGuardKeys(window.history.state as HistoryState);
  // Both writes keep the router's state (`__NA` and its tree) and the URL, `?tab=` included.
  window.history.replaceState({ ...state, [BASE]: token }, "");
  window.history.pushState({ ...state, [SENTINEL]: token }, "");
  return { token, href: window.location.href, state, index: currentEntryIndex() };
}

function isSentinel(state: unknown, guard: Armed | null): boolean {
  return guard !== null && (state as HistoryState)?.[SENTINEL] === guard.token;
}

/**
 * Holds the browser's Back (and Forward) button while there are unsaved edits. The App Router has no way to
 * block a history traversal, so while dirty a sentinel entry with the same URL (and the router's own state)
 * sits on top of the page's entry. A traversal away from it is caught in the capture phase, before the
 * router's popstate listener can render another page; the browser is sent back to the sentinel and
 * `onTraverse` is told how far from the sentinel the user wanted to go, so the caller can ask and then
 * `leave(distance)`.
 * Once the edits are saved (or undone) the sentinel is popped again, so Back then works in one press.
 */
export function useBackGuard(dirty: boolean, onTraverse: (distance: number) => void) {
  const armed = useRef<Armed | null>(null);
  const dirtyNow = useRef(dirty);
  const leaving = useRef(false);
  const onTraverseNow = useRef(onTraverse);
  useEffect(() => {
    dirtyNow.current = dirty;
    onTraverseNow.current = onTraverse;
  });

  useEffect(() => {
    const onPopState = (event: PopStateEvent) => {
      const guard = armed.current;
      if (!guard) return;
      if (leaving.current) {
        // The user confirmed: this traversal is theirs, for the router to handle.
        leaving.current = false;
        armed.current = null;
        return;
      }
      const state = event.state as HistoryState;
      if (guard.releasing !== undefined) {
        if (state?.[BASE] !== guard.token) return;
        event.stopImmediatePropagation();
        window.history.replaceState(withoutGuardKeys(state), "", guard.releasing);
        armed.current = dirtyNow.current ? pushSentinel() : null;
        return;
      }
      // Every traversal while armed stays on this page: the router must not render another one.
      event.stopImmediatePropagation();
      const index = currentEntryIndex();
      const delta =
        guard.index !== undefined && index !== undefined
          ? index - guard.index
          : state?.[BASE] === guard.token
            ? -1
            : undefined;
      // Back on the sentinel: our own return trip, nothing to ask.
      if (isSentinel(state, guard) || delta === 0) return;
      if (delta !== undefined) {
        window.history.go(-delta);
        // The entry just below the sentinel is this page's own: one Back press means the page before it.
        onTraverseNow.current(delta === -1 ? -2 : delta);
      } else {
        // Where the sentinel is from here is unknown: put a new one on top; the chosen entry is then just below.
        window.history.pushState({ ...guard.state, [SENTINEL]: guard.token }, "", guard.href);
        onTraverseNow.current(-1);
      }
    };

    window.addEventListener("popstate", onPopState, { capture: true });
    return () => window.removeEventListener("popstate", onPopState, { capture: true });
  }, []);

  useEffect(() => {
    const guard = armed.current;
    if (dirty && !guard) {
      armed.current = pushSentinel();
    } else if (!dirty && guard && guard.releasing === undefined) {
      // Saved or undone: pop the sentinel, else the next Back press would seem to do nothing.
      if (isSentinel(window.history.state, guard)) {
        guard.releasing = window.location.href;
        window.history.back();
      } else {
        armed.current = null;
      }
    }
  }, [dirty]);

  // Stable, so callers can list it in effect dependencies: everything it does reads refs.
  return useMemo(
    () => ({
      /** Goes where the user asked to go (`distance` entries from the sentinel), past the guard. */
      leave(distance: number) {
        leaving.current = true;
        window.history.go(distance);
      },
      /** True once the user chose to leave: the reload/close prompt must not ask again. */
      isLeaving: () => leaving.current,
      /** Whether the page is on its sentinel entry: a link followed from there should replace it. */
      onSentinel: () => isSentinel(window.history.state, armed.current),
    }),
    [],
  );
}
