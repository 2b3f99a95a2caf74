import { Input } from "@/components/ui/input";
import type { ConnectorDraft } from "./connector-draft";
import { Field, Section } from "./form-fields";

type Resilience = ConnectorDraft["resilience"];

const FIELDS: { key: keyof Resilience; label: string; placeholder: string }[] = [
  { key: "timeoutMs", label: "Timeout per call (ms)", placeholder: "3 × p95" },
  { key: "maxRetries", label: "Retries", placeholder: "3" },
  { key: "breakerFailureThreshold", label: "Open the circuit after N failures", placeholder: "5" },
  { key: "breakerCooldownMs", label: "Circuit cool-down (ms)", placeholder: "30000" },
];

/** Overrides only: left blank, each limit follows from the profile. */
export function ResilienceSection({
  draft,
  onChange,
}: {
  draft: ConnectorDraft;
  onChange: (draft: ConnectorDraft) => void;
}) {
  return (
    <Section
      title="Failure handling"
      description="Blank fields use the defaults shown. Writes are retried only with an Idempotency-Key, so a retry never writes twice."
    >
      <div className="grid gap-4 md:grid-cols-4">
        {FIELDS.map((field) => (
          <Field key={field.key} label={field.label}>
            {(props) => (
              <Input
                {...props}
                inputMode="numeric"
                placeholder={field.placeholder}
                value={draft.resilience[field.key]}
                onChange={(event) =>
                  onChange({ ...draft, resilience: { ...draft.resilience, [field.key]: event.target.value } })
                }
              />
            )}
          </Field>
        ))}
      </div>
    </Section>
  );
}
