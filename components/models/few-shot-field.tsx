"use client";

import { CheckboxField, NumberField } from "@/components/editor/form/fields";

const DEFAULT_EXAMPLES = 3;

/** On/off and k for few-shot examples (`fewShot` in the model config: 0 or absent is off). */
export function FewShotField({
  value,
  onChange,
  issues,
  disabled,
}: {
  value: number | undefined;
  onChange(value: number | undefined): void;
  issues?: string[];
  disabled?: boolean;
}) {
  const on = (value ?? 0) > 0;
  return (
    <div className="space-y-2" data-testid="few-shot-field">
      <CheckboxField
        checked={on}
        onChange={(checked) => onChange(checked ? DEFAULT_EXAMPLES : undefined)}
        label="Show the model similar past cases (few-shot)"
        hint="The labelled cases most like the item (BM25), from the history this workflow is backtested on; a backtest uses only cases from before its window. They go into the prompt as data."
        disabled={disabled}
      />
      {on ? (
        <NumberField
          label="Examples per item"
          value={value}
          min={1}
          max={10}
          step={1}
          onChange={(k) => onChange(Math.min(10, Math.max(1, Math.round(k))))}
          issues={issues}
          hint="1 to 10; each one adds to the tokens of every call."
          disabled={disabled}
        />
      ) : null}
    </div>
  );
}
