"use client";

import { KeyRound } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "./form-fields";

/**
 * Write-only: the server tells only whether the secret is set and when. A new value is typed here and sent
 * with the next save; it is never shown back, and the field empties after saving.
 */
export function SecretField({
  label,
  status,
  value,
  onChange,
}: {
  label: string;
  status: { set: true; updatedAt: Date } | { set: false } | undefined;
  value: string;
  onChange: (value: string) => void;
}) {
  const isSet = status?.set === true;
  const [replacing, setReplacing] = useState(!isSet);
  const statusText = isSet ? `Set · last changed ${status.updatedAt.toLocaleString()}` : "Not set yet";

  return (
    <Field
      label={label}
      hint={replacing ? "Stored encrypted. It is never shown again, to anyone." : statusText}
    >
      {(props) =>
        replacing || !isSet ? (
          <Input
            {...props}
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            placeholder={isSet ? "Type a new value to replace the stored one" : "Paste the value"}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <div className="flex items-center gap-3">
            <span
              className="inline-flex items-center gap-1.5 text-sm text-slate-700"
              aria-describedby={props["aria-describedby"]}
            >
              <KeyRound className="h-4 w-4 text-emerald-600" aria-hidden /> ••••••••
            </span>
            <Button
              id={props.id}
              type="button"
              variant="secondary"
              size="sm"
              onClick={() => setReplacing(true)}
              aria-label={`Replace the ${label.toLowerCase()}`}
            >
              Replace
            </Button>
          </div>
        )
      }
    </Field>
  );
}
