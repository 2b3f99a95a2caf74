"use client";

import { useState } from "react";

/** The node's config as JSON, for power users and for configs the form cannot show. */
export function JsonConfigEditor({
  config,
  onChange,
  readOnly,
  note,
}: {
  config: unknown;
  onChange(next: Record<string, unknown>): void;
  readOnly: boolean;
  note?: string;
}) {
  const pretty = JSON.stringify(config, null, 2);
  const [text, setText] = useState(pretty);
  const [seen, setSeen] = useState(pretty);
  const [error, setError] = useState<string | null>(null);
  if (pretty !== seen) {
    setSeen(pretty);
    if (!error) setText(pretty);
  }
  return (
    <div className="space-y-1">
      {note ? <p className="text-xs text-amber-800">{note}</p> : null}
      <textarea
        aria-label="Config as JSON"
        value={text}
        readOnly={readOnly}
        rows={14}
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed: unknown = JSON.parse(e.target.value);
            if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
              throw new Error("the config must be a JSON object");
            setError(null);
            onChange(parsed as Record<string, unknown>);
          } catch (err) {
            setError(err instanceof Error ? err.message : String(err));
          }
        }}
        className="w-full rounded-md border border-slate-300 bg-white p-2 font-mono text-xs aria-invalid:border-red-500"
        aria-invalid={error ? true : undefined}
      />
      {error ? <p className="text-xs text-red-700">Not applied: {error}</p> : null}
    </div>
  );
}
