import { ArrowRightLeft, CircleDot, Flag, GitFork, UserRound, type LucideIcon } from "lucide-react";
import type { PaletteGroup } from "@/lib/engine/node-definition";

export interface GroupAppearance {
  label: string;
  /** Palette heading. */
  heading: string;
  icon: LucideIcon;
  /** Tailwind classes: the node's top bar, icon chip, and text accent. */
  bar: string;
  chip: string;
  text: string;
  /** Minimap fill (a colour, not a class). */
  fill: string;
}

/** One colour per palette group, so decision points, integrations and escalation paths read at a glance. */
export const GROUP_APPEARANCE: Record<PaletteGroup, GroupAppearance> = {
  trigger: {
    label: "Trigger",
    heading: "Trigger",
    icon: CircleDot,
    bar: "bg-emerald-500",
    chip: "bg-emerald-50 text-emerald-700 ring-emerald-200",
    text: "text-emerald-700",
    fill: "#10b981",
  },
  decision: {
    label: "Decision",
    heading: "Decisions",
    icon: GitFork,
    bar: "bg-accent-500",
    chip: "bg-accent-50 text-accent-700 ring-accent-100",
    text: "text-accent-700",
    fill: "#6366f1",
  },
  connector: {
    label: "Connector",
    heading: "Connectors",
    icon: ArrowRightLeft,
    bar: "bg-sky-500",
    chip: "bg-sky-50 text-sky-700 ring-sky-200",
    text: "text-sky-700",
    fill: "#0ea5e9",
  },
  escalation: {
    label: "Escalation",
    heading: "Escalation",
    icon: UserRound,
    bar: "bg-orange-500",
    chip: "bg-orange-50 text-orange-700 ring-orange-200",
    text: "text-orange-700",
    fill: "#f97316",
  },
  outcome: {
    label: "Outcome",
    heading: "Outcomes",
    icon: Flag,
    bar: "bg-slate-500",
    chip: "bg-slate-100 text-slate-700 ring-slate-200",
    text: "text-slate-700",
    fill: "#64748b",
  },
};

export const PALETTE_ORDER: readonly PaletteGroup[] = [
  "trigger",
  "decision",
  "connector",
  "escalation",
  "outcome",
];
