import { cn } from "@/components/ui/cn";

/** Three nodes and their edges: a switchboard, drawn as a graph. */
export function Logo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={cn("h-7 w-7", className)} aria-hidden>
      <rect width="32" height="32" rx="8" className="fill-accent-600" />
      <path d="M9 16h6m0 0 8-6m-8 6 8 6" stroke="white" strokeWidth="2" strokeLinecap="round" fill="none" />
      <circle cx="9" cy="16" r="2.5" fill="white" />
      <circle cx="23" cy="10" r="2.5" fill="white" />
      <circle cx="23" cy="22" r="2.5" fill="white" />
    </svg>
  );
}
