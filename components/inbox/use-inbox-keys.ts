"use client";

import { useEffect, useRef } from "react";

export type InboxKeyAction =
  "next" | "previous" | "approve" | "override" | "sendBack" | "claim" | "toggle" | "undo" | "help";

const KEYS: Record<string, InboxKeyAction> = {
  j: "next",
  ArrowDown: "next",
  k: "previous",
  ArrowUp: "previous",
  a: "approve",
  o: "override",
  s: "sendBack",
  c: "claim",
  x: "toggle",
  u: "undo",
  "?": "help",
};

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The inbox's single-key shortcuts. Silent while the reviewer types in a field, while any dialog is open
 * (the dialog owns the keyboard then), and with Ctrl, Alt or Meta held (the browser's shortcuts win).
 */
export function useInboxKeys(onAction: (action: InboxKeyAction) => void, enabled: boolean) {
  const handler = useRef(onAction);
  useEffect(() => {
    handler.current = onAction;
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (typingIn(event.target) || document.querySelector('[role="dialog"]')) return;
      const action = KEYS[event.key];
      if (!action) return;
      event.preventDefault();
      handler.current(action);
    };
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, [enabled]);
}
