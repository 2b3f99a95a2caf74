import { forwardRef, type InputHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(function Input(
  { className, ...props },
  ref,
) {
  return (
    <input
      ref={ref}
      className={cn(
        "h-9 w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-xs placeholder:text-slate-400",
        "focus-visible:border-accent-500 focus-visible:outline-2 focus-visible:outline-accent-500/30 focus-visible:outline-offset-0",
        "aria-invalid:border-red-500",
        className,
      )}
      {...props}
    />
  );
});
