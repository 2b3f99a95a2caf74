"use client";

import type { TestCase } from "@/lib/engine/graph/test-case-schema";
import { GraphCanvas } from "./canvas/graph-canvas";
import { Palette } from "./palette/palette";
import { SidePanel } from "./panels/side-panel";

/** The Canvas tab: palette, canvas, inspector. */
export function CanvasWorkspace({
  readOnly,
  testCases,
}: {
  readOnly: boolean;
  testCases: readonly TestCase[];
}) {
  return (
    <div className="flex min-h-0 flex-1">
      {!readOnly ? <Palette /> : null}
      <div className="min-w-0 flex-1 bg-slate-50">
        <GraphCanvas readOnly={readOnly} />
      </div>
      <SidePanel readOnly={readOnly} testCases={testCases} />
    </div>
  );
}
