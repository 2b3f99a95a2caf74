"use client";

import type { ItemFieldInfo, ItemFieldType } from "@/lib/engine/node-definition";
import { SelectField } from "./fields";

/** Picks one of the trigger's fields; `undefined` means "the default" (usually the trigger's text field). */
/** The empty choice of a field select that falls back to the trigger's text field. */
export function textFieldDefaultLabel(textField: string | undefined): string {
  return `The text field${textField ? ` (${textField})` : ""}`;
}

export function ItemFieldSelect({
  label,
  value,
  onChange,
  fields,
  types,
  defaultLabel,
  issues,
  disabled,
  hint,
}: {
  label: string;
  value: string | undefined;
  onChange(value: string | undefined): void;
  fields: readonly ItemFieldInfo[];
  types?: readonly ItemFieldType[];
  defaultLabel?: string;
  issues?: string[];
  disabled?: boolean;
  hint?: string;
}) {
  const options = [
    ...(defaultLabel !== undefined ? [{ value: "", label: defaultLabel }] : []),
    ...fields
      .filter((f) => !types || types.includes(f.type))
      .map((f) => ({ value: f.name, label: `${f.name} (${f.type})` })),
  ];
  return (
    <SelectField
      label={label}
      value={value ?? ""}
      onChange={(v) => onChange(v === "" ? undefined : v)}
      options={options}
      issues={issues}
      disabled={disabled}
      hint={hint}
    />
  );
}
