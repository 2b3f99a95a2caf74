"use client";

import { Fragment } from "react";
import { SHORTCUTS, isMac } from "../canvas/shortcuts";
import { useEditorStores, useUi } from "../store/editor-provider";
import { WideDialog } from "../ui/wide-dialog";

export function ShortcutSheet() {
  const open = useUi((s) => s.dialog === "shortcuts");
  const { ui } = useEditorStores();
  const mod = isMac() ? "⌘" : "Ctrl";
  return (
    <WideDialog
      open={open}
      onOpenChange={(o) => ui.getState().openDialog(o ? "shortcuts" : null)}
      title="Keyboard shortcuts"
    >
      <div className="grid grid-cols-1 gap-6 sm:grid-cols-3">
        {SHORTCUTS.map((group) => (
          <section key={group.group}>
            <h3 className="mb-2 text-[11px] font-semibold uppercase tracking-wide text-slate-500">
              {group.group}
            </h3>
            <dl className="space-y-1.5">
              {group.items.map((item) => (
                <div key={item.label} className="text-sm">
                  <dt className="flex flex-wrap gap-1">
                    {item.keys.map((k, i) => (
                      <Fragment key={k}>
                        {i > 0 ? <span className="text-slate-400">+</span> : null}
                        <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-[11px] text-slate-700">
                          {k === "Mod" ? mod : k}
                        </kbd>
                      </Fragment>
                    ))}
                  </dt>
                  <dd className="text-xs text-slate-600">{item.label.replace("Mod", mod)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </WideDialog>
  );
}
