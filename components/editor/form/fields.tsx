"use client";

import { useId, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

const control =
  "w-full rounded-md border border-slate-300 bg-white px-2.5 text-sm shadow-xs placeholder:text-slate-400 focus-visible:border-accent-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-accent-500/30 aria-invalid:border-red-500 disabled:bg-slate-50 disabled:text-slate-500";

export interface FieldShellProps {
  label: ReactNode;
  hint?: ReactNode;
  issues?: readonly string[];
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  className?: string;
}

/** Label, control, hint and the schema's messages for one field, wired for screen readers. */
export function FieldShell({ label, hint, issues = [], children, className }: FieldShellProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const issueId = `${id}-issues`;
  const describedBy =
    [hint ? hintId : null, issues.length > 0 ? issueId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      {children({ id, describedBy, invalid: issues.length > 0 })}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {issues.length > 0 ? (
        <ul id={issueId} className="space-y-0.5 text-xs text-red-700">
          {issues.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

interface CommonProps {
  label: ReactNode;
  hint?: ReactNode;
  issues?: readonly string[];
  disabled?: boolean;
  className?: string;
}

export function TextField({
  value,
  onChange,
  placeholder,
  mono,
  ...common
}: CommonProps & {
  value: string | undefined;
  onChange(value: string): void;
  placeholder?: string;
  mono?: boolean;
}) {
  return (
    <FieldShell {...common}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          value={value ?? ""}
          onChange={(e) => onChange(e.target.value)}
          placeholder={placeholder}
          disabled={common.disabled}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className={cn(control, "h-8", mono && "font-mono text-xs")}
        />
      )}
    </FieldShell>
  );
}

export function TextAreaField({
  value,
  onChange,
  placeholder,
  rows = 3,
  mono,
  ...common
}: CommonProps & {
  value: string | undefined;
  onChange(value: string): void;
  placeholder?: string;
  rows?: number;
  mono?: boolean;
}) {
  return (
    <FieldShell {...common}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          value={value ?? ""}
          rows={rows}
          onChange={(e) => onChange(e.target.value)}
          placeholder={placeholder}
          disabled={common.disabled}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className={cn(control, "py-1.5", mono && "font-mono text-xs")}
        />
      )}
    </FieldShell>
  );
}

/** A number typed as text: partial input ("0.") stays on screen; only numbers reach the config. */
export function NumberField({
  value,
  onChange,
  min,
  max,
  step,
  ...common
}: CommonProps & {
  value: number | undefined;
  onChange(value: number): void;
  min?: number;
  max?: number;
  step?: number;
}) {
  const [text, setText] = useState(value === undefined ? "" : String(value));
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    setLastValue(value);
    if (Number(text) !== value) setText(value === undefined ? "" : String(value));
  }
  const parsed = text.trim() === "" ? Number.NaN : Number(text);
  const local = Number.isFinite(parsed) ? [] : ["enter a number"];
  return (
    <FieldShell {...common} issues={[...local, ...(common.issues ?? [])]}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          inputMode="decimal"
          value={text}
          min={min}
          max={max}
          step={step}
          disabled={common.disabled}
          onChange={(e) => {
            setText(e.target.value);
            const n = Number(e.target.value);
            if (e.target.value.trim() !== "" && Number.isFinite(n)) onChange(n);
          }}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className={cn(control, "h-8 tabular-nums")}
        />
      )}
    </FieldShell>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export function SelectField({
  value,
  onChange,
  options,
  ...common
}: CommonProps & {
  value: string | undefined;
  onChange(value: string): void;
  options: readonly SelectOption[];
}) {
  const known = options.some((o) => o.value === (value ?? ""));
  return (
    <FieldShell {...common}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          value={value ?? ""}
          disabled={common.disabled}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className={cn(control, "h-8 pr-7")}
        >
          {!known ? <option value={value ?? ""}>{value ? `${value} (unknown)` : "—"}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function CheckboxField({
  checked,
  onChange,
  label,
  hint,
  disabled,
}: {
  checked: boolean;
  onChange(checked: boolean): void;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-0.5 h-4 w-4 rounded border-slate-300 accent-accent-600"
      />
      <div className="text-sm text-slate-700">
        <label htmlFor={id}>{label}</label>
        {hint ? (
          <span id={`${id}-hint`} className="block text-xs text-slate-500">
            {hint}
          </span>
        ) : null}
      </div>
    </div>
  );
}

/** A titled group of fields. */
export function FormSection({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className="space-y-2.5">
      <div className="flex items-center justify-between">
        <h3 className="text-[11px] font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** Keeps a draft string for inputs whose value is committed on blur or Enter rather than per keystroke. */
export function useDraft(value: string): [string, (v: string) => void] {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
  }
  return [draft, setDraft];
}
