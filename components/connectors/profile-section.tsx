import { Input } from "@/components/ui/input";
import type { ConnectorDraft } from "./connector-draft";
import { Choice, Field, Section, Select, Textarea } from "./form-fields";

type Profile = ConnectorDraft["profile"];

/** The integration profile: every question must be answered before a workflow may use the connector. */
export function ProfileSection({
  draft,
  onChange,
}: {
  draft: ConnectorDraft;
  onChange: (draft: ConnectorDraft) => void;
}) {
  const profile = draft.profile;
  const set = (patch: Partial<Profile>) => onChange({ ...draft, profile: { ...profile, ...patch } });
  const humanOnly = profile.access === "human_only";

  return (
    <Section
      title="Integration profile"
      description="Decide how this system behaves — and what happens when it fails — before a workflow depends on it. A workflow cannot use the connector until every question is answered."
    >
      <Choice
        legend="Does the system have an API?"
        name="access"
        value={profile.access}
        options={[
          { value: "api", label: "Yes, it has an API" },
          { value: "human_only", label: "No, people use its interface only" },
        ]}
        onChange={(access) => set({ access })}
      />

      <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
        <Field label="What data does it expose?" hint="In plain words: which records, which fields.">
          {(props) => (
            <Input
              {...props}
              value={profile.dataExposed}
              onChange={(event) => set({ dataExposed: event.target.value })}
            />
          )}
        </Field>
        <Field label="In what format?">
          {(props) => (
            <Select
              {...props}
              value={profile.dataFormat}
              onChange={(event) => set({ dataFormat: event.target.value as Profile["dataFormat"] })}
            >
              <option value="">Choose…</option>
              <option value="json">JSON</option>
              <option value="xml">XML</option>
              <option value="csv">CSV</option>
              <option value="other">Other</option>
            </Select>
          )}
        </Field>
      </div>

      {humanOnly ? null : (
        <div className="grid gap-4 md:grid-cols-4">
          <Field label="Rate limit: requests per second" hint="Enforced for every worker together.">
            {(props) => (
              <Input
                {...props}
                inputMode="decimal"
                value={profile.requestsPerSecond}
                onChange={(event) => set({ requestsPerSecond: event.target.value })}
              />
            )}
          </Field>
          <Field label="Burst" hint="Requests allowed at once after a quiet spell.">
            {(props) => (
              <Input
                {...props}
                inputMode="numeric"
                value={profile.burst}
                onChange={(event) => set({ burst: event.target.value })}
              />
            )}
          </Field>
          <Field label="Expected latency p50 (ms)">
            {(props) => (
              <Input
                {...props}
                inputMode="numeric"
                value={profile.p50Ms}
                onChange={(event) => set({ p50Ms: event.target.value })}
              />
            )}
          </Field>
          <Field label="Expected latency p95 (ms)" hint="The call timeout defaults to 3 × p95.">
            {(props) => (
              <Input
                {...props}
                inputMode="numeric"
                value={profile.p95Ms}
                onChange={(event) => set({ p95Ms: event.target.value })}
              />
            )}
          </Field>
        </div>
      )}

      <Choice
        legend="Does any task need a person in the vendor's interface?"
        name="humanTasks"
        value={profile.humanTasksAnswer}
        options={[
          { value: "none", label: "No, every task is programmatic" },
          { value: "some", label: "Yes, some tasks" },
        ]}
        onChange={(humanTasksAnswer) => set({ humanTasksAnswer })}
      />
      {profile.humanTasksAnswer === "some" ? (
        <Field
          label="Tasks that need a person"
          hint="One per line. Workflows route these to a reviewer instead of calling the API."
        >
          {(props) => (
            <Textarea
              {...props}
              value={profile.humanTasks}
              onChange={(event) => set({ humanTasks: event.target.value })}
            />
          )}
        </Field>
      ) : null}

      <Choice
        legend="When the system is unavailable…"
        name="onUnavailable"
        value={profile.onUnavailable}
        hint="After retries are spent or while the circuit breaker is open."
        options={[
          { value: "retry_later", label: "park the item and retry later" },
          { value: "fallback", label: "take the node's fallback branch" },
          { value: "escalate", label: "escalate to a reviewer" },
        ]}
        onChange={(onUnavailable) => set({ onUnavailable })}
      />
      {profile.onUnavailable === "retry_later" ? (
        <Field
          label="Retry for at most (minutes)"
          hint="After this long the item escalates instead of waiting for ever."
          className="max-w-xs"
        >
          {(props) => (
            <Input
              {...props}
              inputMode="numeric"
              value={profile.maxWaitMinutes}
              onChange={(event) => set({ maxWaitMinutes: event.target.value })}
            />
          )}
        </Field>
      ) : null}
    </Section>
  );
}
